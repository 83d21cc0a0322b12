import FolioCore
import Foundation
import TermKit

/// A failure the user can act on: printed to stderr as "folio: …", exit code 1.
struct UserError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Ends folio with this exit status and no further message (the command has
/// said what went wrong, or a signal ended the reader).
struct ExitCode: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

enum CommandSupport {
    /// Prints an error to stderr, made safe for the terminal.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("folio: " + TerminalText.sanitize(message) + "\n").utf8))
    }

    /// Runs a command body, turning `UserError` into a message and exit code 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as UserError {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// The library folder: the argument, else $FOLIO_DIR, else the current directory.
    static func libraryFolder(_ argument: String?) throws -> String {
        let env = ProcessInfo.processInfo.environment["FOLIO_DIR"]
        let folder = argument ?? (env?.isEmpty == false ? env! : FileManager.default.currentDirectoryPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw UserError("\(folder): no such folder")
        }
        guard isDirectory.boolValue else { throw UserError("\(folder): not a folder (to read one file, use: folio show \(folder))") }
        return folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    /// The state database for a command that must save (mark): an error when it cannot.
    static func openStore(_ options: StateOptions) throws -> StateStore {
        do {
            return try StateStore(path: StateLocation.resolve(option: options.state))
        } catch {
            throw UserError(error.description)
        }
    }

    /// The state database for a command that only reads it (list): read-only
    /// when it cannot be written, with the reason on stderr.
    static func openStoreForReading(_ options: StateOptions) -> StateStore {
        let store = StateStore.openForBrowsing(path: StateLocation.resolve(option: options.state))
        if let reason = store.readOnlyReason { printError("warning: " + reason) }
        return store
    }

    /// The metadata index beside the state database.
    static func openIndex(_ options: StateOptions) -> IndexStore {
        IndexStore.open(path: StateLocation.index(besideState: StateLocation.resolve(option: options.state)))
    }

    /// Articles newest first (the list's default order).
    static func sortedByDate(_ articles: [ArticleSummary]) -> [ArticleSummary] {
        articles.sorted(by: isNewer)
    }

    static func isNewer(_ a: ArticleSummary, than b: ArticleSummary) -> Bool {
        if a.sortDate != b.sortDate { return a.sortDate > b.sortDate }
        return a.title != b.title ? a.title < b.title : a.path < b.path
    }

    /// What `folio list` and `folio show` select: the folder's articles (read
    /// through the index) matching `query`, newest first; archived ones only
    /// when the query mentions them, as in the reader.
    static func matching(folder: String, query: String?, unreadOnly: Bool = false, options: StateOptions) throws
        -> (library: Library, rows: [(ArticleSummary, Bool)], states: [ArticleIdentity: ArticleState]) {
        let now = Date()
        var filter: Query?
        if let query {
            do { filter = try QueryParser.parse(query, now: now) } catch { throw UserError("--query: \(error)") }
        }
        let store = openStoreForReading(options)
        let index = openIndex(options)
        let library = Library.load(folder, index: index, search: SearchIndex(store: index))
        let states: [ArticleIdentity: ArticleState]
        do { states = try store.states() } catch { throw UserError("cannot read state: \(error)") }
        var rows: [(ArticleSummary, Bool)] = []
        rows.reserveCapacity(library.articles.count)
        for article in library.articles {
            let state = states[article.identity] ?? ArticleState()
            if unreadOnly && state.isRead { continue }
            if state.isArchived && !(filter?.mentionsArchived ?? false) { continue }
            if let filter {
                // The file's tags are clean as indexed; the user's are added to them.
                let tags = state.tags.isEmpty ? article.tags : ArticleSummary.cleanTags(article.tags + state.tags)
                let facts = QueryFacts(summary: article, isRead: state.isRead, isStarred: state.isStarred, isArchived: state.isArchived, tags: tags)
                guard filter.matches(facts, now: now) else { continue }
            }
            rows.append((article, state.isRead))
        }
        rows.sort { isNewer($0.0, than: $1.0) }
        return (library, rows, states)
    }

    static func reportProblems(_ library: Library) {
        for problem in library.problems {
            printError("\(PathCoding.display(problem.path)): \(problem.reason)")
        }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
