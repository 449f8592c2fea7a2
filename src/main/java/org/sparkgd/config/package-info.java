/** The validated run configuration. */
package org.sparkgd.config;
