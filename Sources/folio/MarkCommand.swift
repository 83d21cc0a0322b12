import ArgumentParser
import FolioCore
import Foundation

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

    @OptionGroup var options: StateOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article file") }
    }

    func run() throws {
        try CommandSupport.run {
            let store = try CommandSupport.openStore(options)
            var identities: [ArticleIdentity] = []
            var failed = 0
            for file in files {
                switch ArticleLoader.load(LibraryScanner.realPath(file) ?? file, displayName: file) {
                case .success(let loaded): identities.append(loaded.identity)
                case .failure(let failure):
                    CommandSupport.printError("\(file): \(failure.reason)")
                    failed += 1
                }
            }
            do { try store.setRead(state == .read, for: identities) } catch { throw UserError("cannot save state: \(error)") }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
