package org.uei.p2p.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a process has written to storage, as Linux counts it in {@code /proc/<pid>/io}: the {@code
 * write_bytes} line, bytes the process caused to be sent to the storage layer (counted when it
 * dirties a page of a file, whether or not the page reached the disk yet). Socket writes are not in
 * it, so for a node it is its database file and logs.
 */
final class ProcessIo {

  private ProcessIo() {}

  /** Bytes written to storage by all of {@code processes} together, where the OS tells it. */
  static OptionalLong writeBytes(List<ProcessHandle> processes) {
    if (processes.isEmpty()) {
      return OptionalLong.empty();
    }
    long sum = 0;
    for (ProcessHandle p : processes) {
      OptionalLong b = writeBytes(p.pid());
      if (b.isEmpty()) {
        return OptionalLong.empty();
      }
      sum += b.getAsLong();
    }
    return OptionalLong.of(sum);
  }

  private static OptionalLong writeBytes(long pid) {
    try {
      return parseWriteBytes(Files.readString(Path.of("/proc", Long.toString(pid), "io")));
    } catch (IOException | SecurityException e) {
      // Not Linux, or the process is gone or not ours: the column reads n/a.
      return OptionalLong.empty();
    }
  }

  /** The {@code write_bytes} value of a {@code /proc/<pid>/io} text, if it has one. */
  static OptionalLong parseWriteBytes(String procIo) {
    for (String line : procIo.split("\n")) {
      if (line.startsWith("write_bytes:")) {
        try {
          return OptionalLong.of(Long.parseLong(line.substring("write_bytes:".length()).trim()));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
