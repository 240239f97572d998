package org.corridor.archfixture.good.service;

import org.corridor.archfixture.good.domain.Thing;
import org.corridor.archfixture.good.solver.api.Facade;

/** Fixture: a use case that imports only what it may, by constructor. */
public class FineService {
    private final Thing thing;

    public FineService(Thing thing) {
        this.thing = thing;
    }

    public String name() {
        return thing.name + Facade.solve(1);
    }
}
