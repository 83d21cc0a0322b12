import ArgumentParser

@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "A keyboard-driven terminal reader for saved articles.",
        discussion: """
            Reads a folder of saved stories (.txt page dumps, .md web clips, .html pages) \
            and shows them in a two-pane terminal reader. Read state is kept in \
            $XDG_STATE_HOME/folio/state.sqlite (override with --state or FOLIO_STATE).
            """,
        version: FolioVersion.string,
        subcommands: [Browse.self, ListArticles.self, Show.self, SearchArticles.self, Mark.self, ExportState.self, ImportState.self],
        defaultSubcommand: Browse.self
    )
}

enum FolioVersion {
    static let string = "0.1.0"
}

/// Options every command that touches read state takes.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("State database path (default: $FOLIO_STATE, else $XDG_STATE_HOME/folio/state.sqlite).", valueName: "path"))
    var state: String?
}
