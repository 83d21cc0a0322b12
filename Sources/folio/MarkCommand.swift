import ArgumentParser
import FolioCore
import Foundation
import TermKit

/// `folio mark read|unread FILE...`
struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark articles read or unread."
    )

    enum State: String, ExpressibleByArgument, CaseIterable {
        case read, unread
    }

    @Argument(help: "read or unread.")
    var state: State

    @Argument(help: ArgumentHelp("Article files.", valueName: "file"))
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print each file once its change is saved.")
    var verbose = false

    @OptionGroup var options: StateOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article file") }
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
