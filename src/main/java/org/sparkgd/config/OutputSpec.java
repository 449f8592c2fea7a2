package org.sparkgd.config;

/**
 * Where a command writes its output folder.
 *
 * @param overwrite replace an existing folder (kept until the new one is complete)
 */
public record OutputSpec(String path, boolean overwrite) {}
