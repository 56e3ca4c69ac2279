package io.github.emotion4j.vision.face;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads the primitives of dlib's portable serialization format (dlib/serialize.h) from a buffer, turning every
 * problem into a {@link ModelFileException} that names the file, the byte offset and what was being read.
 *
 * <ul>
 *   <li>integer: one header byte (low 4 bits: number of magnitude bytes, at most 8; bit 7: negative; bits 4–6
 *       zero), then the magnitude, little-endian;</li>
 *   <li>float: two integers, mantissa m and exponent e, value {@code m·2^e}; exponents 32000, 32001, 32002 stand for
 *       +∞, −∞ and NaN;</li>
 *   <li>matrix: rows and columns (negated by newer dlib versions: their absolute values count), then
 *       rows·columns floats, row-major.</li>
 * </ul>
 *
 * <p>Not thread-safe: it advances the buffer's position. Borrows the buffer.
 */
final class DlibDataReader {

    private static final int INFINITY_EXPONENT = 32000;
    private static final int NEGATIVE_INFINITY_EXPONENT = 32001;
    private static final int NAN_EXPONENT = 32002;

    private final Path file;
    private final ByteBuffer buffer;

    DlibDataReader(Path file, ByteBuffer buffer) {
        this.file = file;
        this.buffer = buffer;
    }

    /** The offset of the next byte to read. */
    int position() {
        return buffer.position();
    }

    /** Bytes not read yet. */
    int remaining() {
        return buffer.remaining();
    }

    /** A signed integer of at most 8 magnitude bytes. */
    long readLong(String what) throws ModelFileException {
        int start = buffer.position();
        int header = readByte(what);
        int size = header & 0x0f;
        if ((header & 0x70) != 0 || size > 8) {
            throw malformed(start, what + ": bad integer header byte 0x" + Integer.toHexString(header));
        }
        long magnitude = 0;
        for (int i = 0; i < size; i++) {
            magnitude |= (long) readByte(what) << (8 * i);
        }
        if (size == 8 && magnitude < 0) {
            throw malformed(start, what + ": integer does not fit 64 bits");
        }
        return (header & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** An integer that must lie in {@code [min, max]}. */
    int readInt(String what, int min, int max) throws ModelFileException {
        int start = buffer.position();
        long value = readLong(what);
        if (value < min || value > max) {
            throw malformed(start, what + " is " + value + ", expected " + min + ".." + max);
        }
        return (int) value;
    }

    /** A single-precision float, as dlib reads one: {@code ldexpf((float) mantissa, exponent)}. */
    float readFloat(String what) throws ModelFileException {
        int start = buffer.position();
        long mantissa = readLong(what);
        long exponent = readLong(what);
        if (exponent == INFINITY_EXPONENT) {
            return Float.POSITIVE_INFINITY;
        } else if (exponent == NEGATIVE_INFINITY_EXPONENT) {
            return Float.NEGATIVE_INFINITY;
        } else if (exponent == NAN_EXPONENT) {
            return Float.NaN;
        } else if (exponent < Short.MIN_VALUE || exponent > Short.MAX_VALUE) {
            throw malformed(start, what + ": float exponent " + exponent + " does not fit 16 bits");
        }
        return Math.scalb((float) mantissa, (int) exponent);
    }

    /** A finite float. */
    float readFiniteFloat(String what) throws ModelFileException {
        int start = buffer.position();
        float value = readFloat(what);
        if (!Float.isFinite(value)) {
            throw malformed(start, what + " is " + value + ", expected a finite number");
        }
        return value;
    }

    /**
     * A column vector of exactly {@code expectedRows} finite floats (any row count when {@code expectedRows} is
     * negative), stored as a dlib matrix with one column.
     */
    float[] readColumn(String what, int expectedRows) throws ModelFileException {
        int start = buffer.position();
        long rows = Math.abs(readLong(what));
        long cols = Math.abs(readLong(what));
        if (cols != 1 || (expectedRows >= 0 && rows != expectedRows)) {
            throw malformed(start, what + " is a " + rows + "x" + cols + " matrix, expected "
                    + (expectedRows >= 0 ? expectedRows : "n") + "x1");
        }
        requireAtLeast(rows, 2, what);
        float[] values = new float[(int) rows];
        readColumnInto(what, values, 0, values.length);
        return values;
    }

    /**
     * Reads a column vector of exactly {@code rows} finite floats into {@code dest} from {@code offset}.
     */
    void readColumn(String what, int rows, float[] dest, int offset) throws ModelFileException {
        int start = buffer.position();
        long r = Math.abs(readLong(what));
        long c = Math.abs(readLong(what));
        if (c != 1 || r != rows) {
            throw malformed(start, what + " is a " + r + "x" + c + " matrix, expected " + rows + "x1");
        }
        readColumnInto(what, dest, offset, rows);
    }

    private void readColumnInto(String what, float[] dest, int offset, int rows) throws ModelFileException {
        for (int i = 0; i < rows; i++) {
            dest[offset + i] = readFiniteFloat(what);
        }
    }

    /**
     * Checks that {@code count} items of at least {@code minBytesEach} bytes can still follow, so that a corrupt count
     * is reported as such instead of allocating a huge array.
     */
    void requireAtLeast(long count, int minBytesEach, String what) throws ModelFileException {
        if (count > remaining() / minBytesEach) {
            throw new ModelFileException(file, "truncated or corrupt: " + what + " needs " + count + " items of at "
                    + "least " + minBytesEach + " bytes after byte " + position() + ", but only " + remaining()
                    + " bytes are left");
        }
    }

    /** A malformed-file exception about the file as a whole. */
    ModelFileException malformed(String problem) {
        return new ModelFileException(file, "not a valid dlib shape predictor: " + problem);
    }

    /** A malformed-file exception at {@code offset}. */
    ModelFileException malformed(int offset, String problem) {
        return new ModelFileException(file, "not a valid dlib shape predictor: at byte " + offset + ", " + problem);
    }

    private int readByte(String what) throws ModelFileException {
        if (!buffer.hasRemaining()) {
            throw new ModelFileException(file, "truncated: the file ends at byte " + buffer.position()
                    + " while reading " + what);
        }
        return buffer.get() & 0xff;
    }
}
