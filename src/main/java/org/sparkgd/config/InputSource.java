package org.sparkgd.config;

import java.io.Serializable;

/**
 * Where rows come from and how to read them.
 *
 * @param path a file, a folder of part files or a glob, on any Hadoop file system
 * @param delimiter the CSV field separator
 */
public record InputSource(String path, InputFormat format, char delimiter)
    implements Serializable {}
