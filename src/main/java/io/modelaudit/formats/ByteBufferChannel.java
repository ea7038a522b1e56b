package io.modelaudit.formats;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over a (possibly mapped) buffer, so a zip inside a zip is read in place. */
final class ByteBufferChannel implements SeekableByteChannel {
  private final ByteBuffer buffer;
  private long position;
  private boolean open = true;

  ByteBufferChannel(ByteBuffer buffer) {
    this.buffer = buffer.duplicate();
  }

  @Override
  public int read(ByteBuffer dst) throws ClosedChannelException {
    ensureOpen();
    if (position >= buffer.limit()) {
      return -1;
    }
    int n = (int) Math.min(dst.remaining(), buffer.limit() - position);
    ByteBuffer slice = buffer.duplicate();
    slice.position((int) position).limit((int) position + n);
    dst.put(slice);
    position += n;
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws ClosedChannelException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws ClosedChannelException {
    ensureOpen();
    return buffer.limit();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
