package io.modelaudit.dl4j;

import org.bytedeco.hdf5.global.hdf5;

/** Silences everything DL4J, ND4J, JavaCPP and the HDF5 library would print. */
final class Quiet {
  private Quiet() {}

  static void silenceLogging() {
    // DL4J and ND4J log through SLF4J, bound to slf4j-nop; JavaCPP logs to stderr unless told to use SLF4J.
    System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    System.setProperty("org.bytedeco.javacpp.logger.debug", "false");
    // The HDF5 C library prints its error stack for every failed call (attributes DL4J probes for).
    hdf5.H5Eset_auto2(hdf5.H5E_DEFAULT, null, null);
  }
}
