package org.corridor.archfixture.other;

/** Fixture for the architecture rules' own test: stands for another service's class. */
public final class FakeOtherService {
    private FakeOtherService() {
    }
}
