/** A host application on the module path: it reads nps4j's modules by name. */
module host.modular {
    requires io.github.nps4j.core;
    requires io.github.nps4j.drivers;
}
