package org.uei.p2p.cli.market;

import picocli.CommandLine.Command;

/** {@code uei settlement}: settlement figures from a node. */
@Command(
    name = "settlement",
    mixinStandardHelpOptions = true,
    description = "Settlement reports from a node.",
    subcommands = SettlementReportCommand.class)
public final class SettlementCommand {}
