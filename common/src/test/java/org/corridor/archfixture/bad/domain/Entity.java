package org.corridor.archfixture.bad.domain;

import jakarta.inject.Inject;
import org.corridor.archfixture.bad.solver.Internal;
import org.corridor.archfixture.other.FakeOtherService;

/** Fixture: an entity that imports a solver internal, another service's class, and uses field injection. */
public class Entity {
    @Inject
    Object injected;

    public Internal kind = Internal.A;

    public Object other = FakeOtherService.class;
}
