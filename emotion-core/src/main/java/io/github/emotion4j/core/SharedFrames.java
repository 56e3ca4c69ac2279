package io.github.emotion4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One decode of a clip's frames shared by several branches running at once: a producer reads the source once
 * and hands every frame to each branch's bounded queue, so memory stays bounded and each frame is decoded
 * once. The producer starts when every branch has either opened its frames or finished without them.
 * Thread-safe.
 */
final class SharedFrames {

    private static final int QUEUE_CAPACITY = 4;
    private static final Object END = new Object();

    private final FrameSequence source;
    private final Executor executor;
    private final Slot[] slots;
    private int pending;
    private boolean started;

    SharedFrames(FrameSequence source, int readers, Executor executor) {
        this.source = source;
        this.executor = executor;
        this.slots = new Slot[readers];
        for (int i = 0; i < readers; i++) {
            slots[i] = new Slot();
        }
        this.pending = readers;
    }

    /** The frames reader {@code index} sees: only the instants of {@code grids}, readable once. */
    FrameSequence viewFor(int index, Set<FrameGrid> grids) {
        return new View(index, Set.copyOf(grids));
    }

    /** Reader {@code index}'s branch has returned: it reads no further (whether it opened its frames or not). */
    void done(int index) {
        Slot slot = slots[index];
        synchronized (this) {
            if (!slot.opened && !slot.finished) {
                slot.finished = true;
                settle();
            }
            slot.finished = true;
        }
    }

    private synchronized void settle() {
        pending--;
        if (pending == 0 && !started) {
            started = true;
            boolean anyReader = false;
            for (Slot slot : slots) {
                anyReader |= slot.opened && !slot.finished;
            }
            if (anyReader) {
                executor.execute(this::produce);
            }
        }
    }

    private void produce() {
        List<Slot> readers = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : slots) {
                if (slot.opened && !slot.finished) {
                    readers.add(slot);
                }
            }
        }
        Object last = END;
        try (FrameReader reader = source.open()) {
            for (Optional<VideoFrame> frame = reader.next(); frame.isPresent(); frame = reader.next()) {
                boolean anyListening = false;
                for (Slot slot : readers) {
                    anyListening |= slot.offer(frame.get());
                }
                if (!anyListening) {
                    break;
                }
            }
        } catch (MediaDecodeException e) {
            last = e;
        } catch (RuntimeException e) {
            last = e;
        }
        for (Slot slot : readers) {
            slot.offer(last);
        }
    }

    /** One reader's queue and state. */
    private static final class Slot {
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        volatile boolean opened;
        volatile boolean finished;
        volatile boolean closed;

        /** Waits for room unless the reader has gone; returns whether the reader still listens. */
        boolean offer(Object item) {
            try {
                while (!closed && !finished) {
                    if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private final class View implements FrameSequence {
        private final int index;
        private final Set<FrameGrid> grids;

        View(int index, Set<FrameGrid> grids) {
            this.index = index;
            this.grids = grids;
        }

        @Override
        public Set<FrameGrid> grids() {
            return grids;
        }

        @Override
        public FrameReader open() {
            Slot slot = slots[index];
            synchronized (SharedFrames.this) {
                if (slot.opened || slot.finished) {
                    throw new IllegalStateException("the frames of a clip shared by several branches can be read once per branch");
                }
                slot.opened = true;
                settle();
            }
            return new SlotReader(slot, grids);
        }
    }

    private static final class SlotReader implements FrameReader {
        private final Slot slot;
        private final Set<FrameGrid> grids;

        SlotReader(Slot slot, Set<FrameGrid> grids) {
            this.slot = slot;
            this.grids = grids;
        }

        @Override
        public Optional<VideoFrame> next() throws MediaDecodeException {
            while (!slot.closed) {
                Object item;
                try {
                    item = slot.queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    return Optional.empty();
                }
                if (item instanceof VideoFrame frame) {
                    if (grids.stream().anyMatch(g -> g.contains(frame.timeMicros()))) {
                        return Optional.of(frame);
                    }
                } else if (item instanceof MediaDecodeException e) {
                    close();
                    throw new MediaDecodeException(e.file().orElse(null), stripFile(e), e);
                } else if (item instanceof RuntimeException e) {
                    close();
                    throw e;
                } else {
                    close();
                }
            }
            return Optional.empty();
        }

        private static String stripFile(MediaDecodeException e) {
            String message = e.getMessage();
            String prefix = e.file().map(f -> f + ": ").orElse("");
            return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        }

        @Override
        public void close() {
            slot.closed = true;
            slot.queue.clear();
        }
    }
}
