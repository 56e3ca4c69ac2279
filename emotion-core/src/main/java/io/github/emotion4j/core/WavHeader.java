package io.github.emotion4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that a RIFF/WAVE file holds all the audio its header declares. FFmpeg quietly decodes what there is
 * of a cut-off WAV file; a truncated recording should be refused instead.
 */
final class WavHeader {

    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    private WavHeader() {
    }

    static void checkComplete(Path wav) throws MediaDecodeException {
        try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            long position = 12;
            while (position + 8 <= fileSize) {
                header.clear();
                channel.read(header, position);
                header.flip();
                if (header.remaining() < 8) {
                    return;
                }
                int id = header.getInt(0);
                long size = Integer.toUnsignedLong(header.getInt(4));
                if (id == 0x61746164) { // "data"
                    long available = fileSize - position - 8;
                    if (size != 0 && size != UNKNOWN_SIZE && available < size) {
                        throw new MediaDecodeException(wav, "truncated: the header declares " + size
                                + " bytes of audio, the file holds " + available);
                    }
                    return;
                }
                position += 8 + size + (size & 1);
            }
        } catch (IOException e) {
            throw new MediaDecodeException(wav, "cannot be read: " + e.getMessage(), e);
        }
    }
}
