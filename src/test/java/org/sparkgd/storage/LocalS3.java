package org.sparkgd.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * An S3-compatible server in the test JVM: S3Proxy over jclouds' transient (in-memory) blob
 * store, on a free port of 127.0.0.1, with AWS signature checks for one access key and secret.
 * The test reads and writes the objects directly through {@link #blobs}. {@link #close} stops
 * the server and drops the store.
 */
public final class LocalS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final String endpoint;

  private LocalS3(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
    this.endpoint = "http://127.0.0.1:" + proxy.getPort();
  }

  public static LocalS3 start(String accessKey, String secretKey) throws Exception {
    // Named by its metadata, not "transient": a look-up by name would load every backend
    // registered, the Azure and AWS SDK ones too, whose SDKs the tests leave out.
    BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata())
        .credentials("identity", "credential")
        .buildView(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        context.close();
        throw new IllegalStateException("S3Proxy did not start in 30 s: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new LocalS3(proxy, context);
  }

  /** {@code http://127.0.0.1:PORT} */
  public String endpoint() {
    return endpoint;
  }

  public BlobStore blobs() {
    return context.getBlobStore();
  }

  /**
   * The Hadoop settings of the S3A connector for this server, without the credentials: path-style
   * requests to the endpoint over plain HTTP, a fixed region and only the configured keys as
   * credentials (so the SDK asks no instance-metadata service for a region or a role), few
   * retries.
   */
  public Map<String, String> s3aSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.endpoint", endpoint);
    settings.put("fs.s3a.endpoint.region", "us-east-1");
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put("fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.attempts.maximum", "2");
    settings.put("fs.s3a.retry.limit", "2");
    settings.put("fs.s3a.fast.upload.buffer", "bytebuffer");
    return settings;
  }

  public void put(String bucket, String key, byte[] content) {
    blobs().putBlob(bucket, blobs().blobBuilder(key).payload(content)
        .contentLength(content.length).build());
  }

  /** Every object of the bucket and its content (names in listing order). */
  public Map<String, byte[]> objects(String bucket) throws IOException {
    Map<String, byte[]> objects = new LinkedHashMap<>();
    ListContainerOptions options = ListContainerOptions.Builder.recursive();
    while (true) {
      PageSet<? extends StorageMetadata> page = blobs().list(bucket, options);
      for (StorageMetadata m : page) {
        byte[] content = read(bucket, m.getName());
        if (content != null) {
          objects.put(m.getName(), content);
        }
      }
      if (page.getNextMarker() == null) {
        return objects;
      }
      options = ListContainerOptions.Builder.recursive().afterMarker(page.getNextMarker());
    }
  }

  /** An object's content, or null when there is none (any more). */
  public byte[] read(String bucket, String key) throws IOException {
    Blob blob = blobs().getBlob(bucket, key);
    if (blob == null || blob.getPayload() == null) {
      return null;
    }
    try (InputStream in = blob.getPayload().openStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
