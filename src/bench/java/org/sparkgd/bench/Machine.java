package org.sparkgd.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the benchmark ran on, for the report's header. */
record Machine(String cpu, int cores, long memoryBytes, String os, String java, long maxHeapBytes) {

  static Machine describe() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(cpuModel().orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory());
  }

  /** The system load average over the last minute (-1 where the system does not tell). */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  String summary() {
    return String.format("%s, %d cores, %.0f GiB RAM, %s, %s, driver heap %.0f GiB", cpu, cores,
        memoryBytes / (double) (1L << 30), os, java, maxHeapBytes / (double) (1L << 30));
  }
}
