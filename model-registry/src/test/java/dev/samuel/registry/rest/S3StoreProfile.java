package dev.samuel.registry.rest;

import dev.samuel.registry.store.S3TestServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service with store=s3, against an S3 server in the test JVM (plus the shared broker of every test). */
public class S3StoreProfile implements QuarkusTestProfile {

    public static final String BUCKET = "registry-artifacts";
    public static final String PREFIX = "models/";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {

        private S3TestServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = S3TestServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the S3 test server", e);
            }
            server.createBucket(BUCKET);
            return Map.of("samuel.registry.artifacts.store", "s3",
                    "samuel.registry.artifacts.s3.endpoint", server.endpoint().toString(),
                    "samuel.registry.artifacts.s3.bucket", BUCKET,
                    "samuel.registry.artifacts.s3.prefix", PREFIX,
                    "samuel.registry.artifacts.s3.access-key", S3TestServer.ACCESS_KEY,
                    "samuel.registry.artifacts.s3.secret-key", S3TestServer.SECRET_KEY);
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the S3 test server", e);
            }
        }
    }
}
