package dev.samuel.trainer.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar, run as its own process. */
@QuarkusIntegrationTest
class TrainerServiceIT extends TrainerServiceTest {
}
