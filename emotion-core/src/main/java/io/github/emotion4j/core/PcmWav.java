package io.github.emotion4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads WAV headers, so that a truncated WAV file is refused whatever it holds, and reads uncompressed WAV files
 * (integer PCM of 8, 16, 24 or 32 bits, or 32-bit float; plain or {@code WAVE_FORMAT_EXTENSIBLE}) in Java, so that
 * the most common audio input needs no native library at all.
 * The samples become exactly what {@link FFmpegMediaDecoder}'s FFmpeg path makes of them: FFmpeg's conversions to
 * float ({@code (u8 - 128) / 2^7}, {@code s16 / 2^15}, {@code s24 / 2^23}, {@code s32 / 2^31}), the mean of the
 * channels, then the same {@link SincResampler}. Anything else (compressed WAV, RF64, a data size left open)
 * is left to FFmpeg. Stateless.
 */
final class PcmWav {

    private static final int RIFF = 0x46464952;
    private static final int WAVE = 0x45564157;
    private static final int FMT = 0x20746d66;
    private static final int DATA = 0x61746164;
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    private PcmWav() {
    }

    /** Where a WAV file's samples are and how they are stored, as its header declares. */
    private record Layout(int format, int channels, int rate, int bits, int blockAlign, long dataOffset, long dataSize) {
    }

    /**
     * Refuses a RIFF/WAVE file that holds less audio than its header declares: FFmpeg quietly decodes what there is
     * of a cut-off WAV file, and a truncated recording should be refused instead. Any other file passes.
     *
     * @throws MediaDecodeException when the file is truncated or cannot be read
     */
    static void checkComplete(Path file) throws MediaDecodeException {
        layout(file);
    }

    /**
     * The file's audio as 16 kHz mono, or null when it is not an uncompressed WAV this class reads (the caller
     * then uses FFmpeg).
     *
     * @throws MediaDecodeException when the file is a WAV but truncated, or cannot be read
     */
    static AudioTrack read(Path file) throws MediaDecodeException {
        Layout layout = layout(file);
        if (layout == null || !readable(layout) || layout.dataSize() / layout.blockAlign() > Integer.MAX_VALUE / 2) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return decode(channel, layout);
        } catch (IOException e) {
            throw new MediaDecodeException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The header of a RIFF/WAVE file with a data chunk of known, non-zero size; null for any other file.
     *
     * @throws MediaDecodeException when the data chunk is cut short or the file cannot be read
     */
    private static Layout layout(Path file) throws MediaDecodeException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ByteBuffer head = read(channel, 0, 12);
            if (head == null || head.getInt(0) != RIFF || head.getInt(8) != WAVE) {
                return null;
            }
            int format = -1;
            int channels = 0;
            int rate = 0;
            int bits = 0;
            int blockAlign = 0;
            long position = 12;
            while (position + 8 <= fileSize) {
                ByteBuffer chunk = read(channel, position, 8);
                int id = chunk.getInt(0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                if (id == FMT && size >= 16) {
                    ByteBuffer fmt = read(channel, position + 8, (int) Math.min(size, 40));
                    if (fmt == null) {
                        return null;
                    }
                    format = Short.toUnsignedInt(fmt.getShort(0));
                    channels = Short.toUnsignedInt(fmt.getShort(2));
                    rate = fmt.getInt(4);
                    blockAlign = Short.toUnsignedInt(fmt.getShort(12));
                    bits = Short.toUnsignedInt(fmt.getShort(14));
                    if (format == EXTENSIBLE) {
                        format = size >= 40 ? Short.toUnsignedInt(fmt.getShort(24)) : -1;
                    }
                } else if (id == DATA) {
                    if (size == 0 || size == UNKNOWN_SIZE) {
                        return null;
                    }
                    long available = fileSize - position - 8;
                    if (available < size) {
                        throw new MediaDecodeException(file, "truncated: the header declares " + size
                                + " bytes of audio, the file holds " + available);
                    }
                    return new Layout(format, channels, rate, bits, blockAlign, position + 8, size);
                }
                position += 8 + size + (size & 1);
            }
            return null;
        } catch (IOException e) {
            throw new MediaDecodeException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean readable(Layout l) {
        boolean integer = l.format() == PCM && (l.bits() == 8 || l.bits() == 16 || l.bits() == 24 || l.bits() == 32);
        boolean floating = l.format() == IEEE_FLOAT && l.bits() == 32;
        return (integer || floating) && l.channels() > 0 && l.rate() > 0 && l.blockAlign() == l.channels() * l.bits() / 8;
    }

    private static AudioTrack decode(FileChannel channel, Layout layout) throws IOException {
        int channels = layout.channels();
        int rate = layout.rate();
        int format = layout.format();
        int bytesPerSample = layout.bits() / 8;
        int frameBytes = layout.blockAlign();
        long offset = layout.dataOffset();
        long frames = layout.dataSize() / frameBytes;
        SincResampler resampler = rate == FFmpegMediaDecoder.SAMPLE_RATE ? null : new SincResampler(rate, FFmpegMediaDecoder.SAMPLE_RATE);
        float[] direct = resampler == null ? new float[Math.toIntExact(frames)] : null;
        int framesPerBlock = 1 << 14;
        float[] mono = new float[framesPerBlock];
        ByteBuffer block = ByteBuffer.allocate(framesPerBlock * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        long done = 0;
        while (done < frames) {
            int count = (int) Math.min(framesPerBlock, frames - done);
            block.clear().limit(count * frameBytes);
            long at = offset + done * frameBytes;
            while (block.hasRemaining()) {
                if (channel.read(block, at + block.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            for (int i = 0; i < count; i++) {
                float sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += sample(block, (i * channels + c) * bytesPerSample, format, bytesPerSample);
                }
                mono[i] = sum / channels;
            }
            if (resampler == null) {
                System.arraycopy(mono, 0, direct, (int) done, count);
            } else {
                resampler.push(mono, count);
            }
            done += count;
        }
        return AudioTrack.wrap(FFmpegMediaDecoder.SAMPLE_RATE, resampler == null ? direct : resampler.finish());
    }

    /** One sample as FFmpeg converts it to float. */
    private static float sample(ByteBuffer b, int at, int format, int bytes) {
        if (format == IEEE_FLOAT) {
            return b.getFloat(at);
        }
        return switch (bytes) {
            case 1 -> ((b.get(at) & 0xFF) - 0x80) * (1.0f / (1 << 7));
            case 2 -> b.getShort(at) * (1.0f / (1 << 15));
            case 3 -> ((b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF) << 16 | b.get(at + 2) << 24) * (1.0f / (1L << 31));
            default -> b.getInt(at) * (1.0f / (1L << 31));
        };
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer;
    }
}
