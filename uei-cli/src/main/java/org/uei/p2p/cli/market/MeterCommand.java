package org.uei.p2p.cli.market;

import picocli.CommandLine.Command;

/** {@code uei meter}: meter data for a node. */
@Command(
    name = "meter",
    mixinStandardHelpOptions = true,
    description = "Meter data for a seller platform node.",
    subcommands = MeterImportCommand.class)
public final class MeterCommand {}
