package io.github.emotion4j.vision.face;

import java.io.ByteArrayOutputStream;

/**
 * Writes dlib's serialization primitives (see dlib/serialize.h), to craft small shape predictor files for tests.
 * Not thread-safe.
 */
final class DlibModelWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    DlibModelWriter integer(long value) {
        long magnitude = Math.abs(value);
        int size = 0;
        for (long m = magnitude; m != 0; m >>>= 8) {
            size++;
        }
        out.write(size | (value < 0 ? 0x80 : 0));
        for (int i = 0; i < size; i++) {
            out.write((int) (magnitude >>> (8 * i)) & 0xff);
        }
        return this;
    }

    DlibModelWriter real(float value) {
        if (Float.isNaN(value)) {
            return integer(0).integer(32002);
        }
        if (value == 0) {
            return integer(0).integer(0);
        }
        int exponent = Math.getExponent(value) - 23;
        return integer((long) Math.scalb(value, -exponent)).integer(exponent);
    }

    /** A column vector as dlib writes one: negated rows and columns, then the values. */
    DlibModelWriter column(float... values) {
        integer(-values.length).integer(-1);
        for (float v : values) {
            real(v);
        }
        return this;
    }

    DlibModelWriter raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
