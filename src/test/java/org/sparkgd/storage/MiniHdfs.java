package org.sparkgd.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in the test JVM: Hadoop's MiniDFSCluster with one NameNode and one DataNode,
 * every port a free one on 127.0.0.1, its storage in a folder of the test's own. {@link #close}
 * stops both and deletes the storage.
 */
public final class MiniHdfs implements AutoCloseable {
  private final MiniDFSCluster cluster;
  private final String uri;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
    this.uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  public static MiniHdfs start(Path dir) throws IOException {
    Configuration conf = new Configuration();
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.namenode.https-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, dir.toFile())
        .numDataNodes(1)
        .checkDataNodeAddrConfig(true)
        .build();
    cluster.waitActive();
    return new MiniHdfs(cluster);
  }

  /** {@code hdfs://127.0.0.1:PORT}, the root of the file system. */
  public String uri() {
    return uri;
  }

  /** {@code hdfs://127.0.0.1:PORT/path} */
  public String uri(String path) {
    return uri + (path.startsWith("/") ? path : "/" + path);
  }

  public FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  @Override
  public void close() {
    cluster.shutdown(true);
  }
}
