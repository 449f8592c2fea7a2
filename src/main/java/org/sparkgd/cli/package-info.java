/** The entry point and argument parsing; nothing else. */
package org.sparkgd.cli;
