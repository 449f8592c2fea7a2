/** sparkgd: linear regression by batch and mini-batch gradient descent on Apache Spark. */
package org.sparkgd;
