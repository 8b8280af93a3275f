package org.uei.p2p.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessIoTest {

  @Test
  void readsTheBytesSentToStorageNotTheBytesPassedToWrite() {
    String io =
        "rchar: 6976\nwchar: 52000\nsyscr: 10\nsyscw: 3\nread_bytes: 0\n"
            + "write_bytes: 1294336000\ncancelled_write_bytes: 4096\n";
    assertEquals(OptionalLong.of(1_294_336_000L), ProcessIo.parseWriteBytes(io));
  }

  @Test
  void aTextWithoutTheLineOrWithGarbageGivesNothing() {
    assertTrue(ProcessIo.parseWriteBytes("rchar: 1\nwchar: 2\n").isEmpty());
    assertTrue(ProcessIo.parseWriteBytes("write_bytes: lots\n").isEmpty());
  }

  @Test
  void thisProcessCanReadItsOwnCounterOnLinux() {
    OptionalLong own = ProcessIo.writeBytes(java.util.List.of(ProcessHandle.current()));
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertTrue(own.isPresent() && own.getAsLong() >= 0, "write_bytes of this JVM: " + own);
    } else {
      assertTrue(own.isEmpty());
    }
  }
}
