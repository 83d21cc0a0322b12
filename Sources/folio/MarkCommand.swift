import FolioCore
import Foundation
import TermKit

/// `folio mark read|unread FILE...`
struct Mark: FolioCommand {
    static let spec = CommandSpec(
        name: "mark",
        abstract: "Mark articles read or unread.",
        arguments: [
            .required("state", help: "read or unread.", values: State.allCases.map(\.rawValue)),
            .oneOrMore("file", help: "Article files."),
        ],
        options: [
            .flag("verbose", short: "v", help: "Print each file once its change is saved."),
            StateOptions.option,
        ]
    )

    enum State: String, CaseIterable {
        case read, unread
    }

    var state: State
    var files: [String]
    var verbose: Bool
    var options: StateOptions

    init(_ arguments: ParsedArguments) {
        state = State(rawValue: arguments.argument("state")!)!  // the scanner checked it is one of them
        files = arguments.arguments("file")  // at least one: the scanner saw to it
        verbose = arguments.flag("verbose")
        options = StateOptions(arguments)
    }

    func run() throws {
        try CommandSupport.run {
            let store = try CommandSupport.openStore(options)
            var failed = 0
            // One committed transaction per file: a file reported is saved.
            for file in files {
                switch ArticleLoader.load(LibraryScanner.realPath(file) ?? file, displayName: file) {
                case .success(let loaded):
                    do { try store.setRead(state == .read, for: [loaded.identity]) } catch { throw UserError("\(error)") }
                    if verbose { CommandSupport.write("\(state.rawValue): \(TerminalText.sanitize(file))\n") }
                case .failure(let failure):
                    CommandSupport.printError("\(file): \(failure.reason)")
                    failed += 1
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
