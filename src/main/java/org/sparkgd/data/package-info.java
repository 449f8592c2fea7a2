/** Reading the input, column statistics, packing rows into cached blocks. */
package org.sparkgd.data;
