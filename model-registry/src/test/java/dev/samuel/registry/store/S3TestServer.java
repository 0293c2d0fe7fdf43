package dev.samuel.registry.store;

import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server in the test JVM: S3Proxy over jclouds' in-memory blob store, on 127.0.0.1 and a free port,
 * checking AWS signatures as S3 does. No Docker, no network.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;

    private S3TestServer(BlobStoreContext blobs, S3Proxy proxy) {
        this.blobs = blobs;
        this.proxy = proxy;
    }

    public static S3TestServer start() throws Exception {
        var blobs = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        var proxy = S3Proxy.builder().blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        return new S3TestServer(blobs, proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public void createBucket(String bucket) {
        blobs.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** Settings for a bucket of this server, as the registry's configuration would give them. */
    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(Optional.of(endpoint()), bucket, "us-east-1", prefix, true, Optional.of(ACCESS_KEY),
                Optional.of(SECRET_KEY));
    }

    /** A client of its own, to reach around the store: tamper with an object, delete one. */
    public S3Client client() {
        return S3Clients.open(settings("unused", ""));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobs.close();
    }
}
