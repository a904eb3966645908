package org.cove.api.internal;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;

/**
 * The process's own figures in Prometheus's text format (version 0.0.4), read from the JVM's
 * standard management beans, so that they are the same on any server: memory, garbage collection,
 * threads, classes, CPU and uptime. Names follow Prometheus's conventions (base units, {@code
 * _total} for counters).
 */
final class JvmMetrics {

  private final StringBuilder text = new StringBuilder();

  private JvmMetrics() {}

  static String scrape() {
    JvmMetrics metrics = new JvmMetrics();
    metrics.memory();
    metrics.garbageCollection();
    metrics.threadsAndClasses();
    metrics.process();
    return metrics.text.toString();
  }

  private void memory() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    family("jvm_memory_used_bytes", "gauge", "Memory in use.");
    sample("jvm_memory_used_bytes", "area", "heap", heap.getUsed());
    sample("jvm_memory_used_bytes", "area", "nonheap", nonHeap.getUsed());
    family("jvm_memory_committed_bytes", "gauge", "Memory committed by the operating system.");
    sample("jvm_memory_committed_bytes", "area", "heap", heap.getCommitted());
    sample("jvm_memory_committed_bytes", "area", "nonheap", nonHeap.getCommitted());
    family("jvm_memory_max_bytes", "gauge", "The most memory the area may use (-1: no limit).");
    sample("jvm_memory_max_bytes", "area", "heap", heap.getMax());
    sample("jvm_memory_max_bytes", "area", "nonheap", nonHeap.getMax());
  }

  private void garbageCollection() {
    family("jvm_gc_collections_total", "counter", "Garbage collections.");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sample("jvm_gc_collections_total", "gc", gc.getName(), gc.getCollectionCount());
    }
    family("jvm_gc_collection_seconds_total", "counter", "Time spent collecting garbage.");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sample("jvm_gc_collection_seconds_total", "gc", gc.getName(), gc.getCollectionTime() / 1e3);
    }
  }

  private void threadsAndClasses() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    gauge("jvm_threads_current", "Live threads.", threads.getThreadCount());
    gauge("jvm_threads_daemon", "Live daemon threads.", threads.getDaemonThreadCount());
    gauge("jvm_threads_peak", "The most live threads since start.", threads.getPeakThreadCount());
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    gauge("jvm_classes_loaded", "Classes loaded now.", classes.getLoadedClassCount());
  }

  private void process() {
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    gauge("process_start_time_seconds", "When the process started.", runtime.getStartTime() / 1e3);
    gauge("process_uptime_seconds", "How long the process has run.", runtime.getUptime() / 1e3);
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    gauge("system_cpu_count", "Processors available to the process.", os.getAvailableProcessors());
    gauge("system_load_average_1m", "Load average (-1: unknown).", os.getSystemLoadAverage());
    // HotSpot and OpenJ9 both offer these; another JVM may not.
    if (os instanceof com.sun.management.OperatingSystemMXBean processOs) {
      family("process_cpu_seconds_total", "counter", "CPU time the process used.");
      sample("process_cpu_seconds_total", null, null, processOs.getProcessCpuTime() / 1e9);
    }
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      gauge("process_open_fds", "Open file descriptors.", unix.getOpenFileDescriptorCount());
      gauge("process_max_fds", "The most open file descriptors.", unix.getMaxFileDescriptorCount());
    }
  }

  private void gauge(String name, String help, double value) {
    family(name, "gauge", help);
    sample(name, null, null, value);
  }

  private void family(String name, String type, String help) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private void sample(String name, String label, String value, double number) {
    text.append(name);
    if (label != null) {
      text.append('{').append(label).append("=\"").append(escaped(value)).append("\"}");
    }
    text.append(' ').append(number(number)).append('\n');
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** A label value as the format wants it: backslash, quote and line feed escaped. */
  static String escaped(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
