import Foundation

/// A command folio runs: what it takes on the command line (`spec`, also its
/// help), how it reads the scanned words into its fields, and its body.
protocol FolioCommand {
    static var spec: CommandSpec { get }
    init(_ arguments: ParsedArguments) throws
    func run() throws
}

@main
enum Folio {
    static let abstract = "A keyboard-driven terminal reader for saved articles."
    static let discussion = """
        Reads a folder of saved stories (.txt page dumps, .md web clips, .html pages) \
        and shows them in a two-pane terminal reader. Read state is kept in \
        $XDG_STATE_HOME/folio/state.sqlite (override with --state or FOLIO_STATE).
        """

    static let commands: [any FolioCommand.Type] = [
        Browse.self, ListArticles.self, Show.self, SearchArticles.self, Mark.self, ExportState.self, ImportState.self,
    ]
    /// What runs when the first word names no command: `folio` and `folio DIR` open the reader.
    static let defaultCommand: any FolioCommand.Type = Browse.self

    static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// What a command line asks for.
    enum Invocation {
        case run(any FolioCommand)
        case help(String)
        case version
    }

    /// Runs the command line; the exit status.
    static func run(_ words: [String]) -> Int32 {
        do {
            switch try parse(words) {
            case .help(let text): print(text, terminator: "")
            case .version: print(FolioVersion.string)
            case .run(let command): try command.run()
            }
            return 0
        } catch let error as UsageError {
            CommandSupport.printError(error.message)
            FileHandle.standardError.write(Data("Run '\(error.hint)' for usage.\n".utf8))
            return 64
        } catch let exit as ExitCode {
            return exit.code
        } catch {
            CommandSupport.printError("\(error)")
            return 1
        }
    }

    /// The first word picks the command (else the reader, with every word its
    /// own); `help [COMMAND]`, `--help`, `-h` and `--version` print instead.
    static func parse(_ words: [String]) throws -> Invocation {
        if words.first == "help" {
            guard words.count > 1 else { return .help(overview()) }
            guard let command = commands.first(where: { $0.spec.name == words[1] }) else {
                let near = ArgumentScanner.closest(to: words[1], among: commands.map { $0.spec.name })
                throw UsageError(message: "no command '\(words[1])'" + (near.map { " (did you mean \($0)?)" } ?? ""), command: "")
            }
            guard words.count == 2 else { throw UsageError(message: "unexpected argument '\(words[2])'", command: "") }
            return .help(HelpText.command(command.spec))
        }
        let named = commands.first { $0.spec.name == words.first }
        let command = named ?? defaultCommand
        switch try ArgumentScanner.scan(Array(words.dropFirst(named == nil ? 0 : 1)), for: command.spec) {
        case .help: return .help(named == nil ? overview() : HelpText.command(command.spec))
        case .version: return .version
        case .parsed(let arguments): return .run(try command.init(arguments))
        }
    }

    static func overview() -> String {
        HelpText.overview(abstract: abstract, discussion: discussion,
                          commands: commands.map { $0.spec }, defaultCommand: defaultCommand.spec.name)
    }
}

enum FolioVersion {
    static let string = "0.1.0"
}

/// Options every command that touches read state takes.
struct StateOptions {
    static let option = CommandSpec.Option.value(
        "state", name: "path", help: "State database path (default: $FOLIO_STATE, else $XDG_STATE_HOME/folio/state.sqlite).")

    var state: String?

    init(_ arguments: ParsedArguments) {
        state = arguments.value("state")
    }
}
