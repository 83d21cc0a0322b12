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
        let env = Environment.process["FOLIO_DIR"]
        let folder = argument ?? (env?.isEmpty == false ? env! : FileManager.default.currentDirectoryPath)
        // stat(2) itself: FileManager's check built a Dictionary of its own, whose
        // first use searches every protocol conformance (~0.45 M instructions).
        var info = stat()
        guard PathCoding.withCString(folder, { stat($0, &info) }) == 0 else {
            throw UserError("\(folder): no such folder")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw UserError("\(folder): not a folder (to read one file, use: folio show \(folder))") }
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

    /// The list's default order, newest first (`newestFirst` sorts by it without moving summaries).
    static func isNewer(_ a: ArticleSummary, than b: ArticleSummary) -> Bool {
        if a.sortDate != b.sortDate { return a.sortDate > b.sortDate }
        return a.title != b.title ? a.title < b.title : a.path < b.path
    }

    /// What `folio list` and `folio show` select: the folder's articles (read
    /// through the index) matching `query`, newest first; archived ones only
    /// when the query mentions them, as in the reader.
    static func matching(folder: String, query: String?, unreadOnly: Bool = false, options: StateOptions) throws
        -> (library: Library, rows: [(ArticleSummary, Bool)], states: [ArticleIdentity: ArticleState]) {
        let selection = try selecting(folder: folder, query: query, unreadOnly: unreadOnly, options: options)
        let articles = selection.library.articles
        let rows = selection.order.map { (articles[$0], selection.isRead[$0]) }
        return (selection.library, rows, selection.states)
    }

    /// What `matching` selects, as positions in `library.articles` (newest
    /// first) rather than copies of the summaries; `isRead` is by position in
    /// `library.articles` too.
    struct Selection {
        var library: Library
        var order: [Int]
        var isRead: [Bool]
        var states: [ArticleIdentity: ArticleState]
    }

    static func selecting(folder: String, query: String?, unreadOnly: Bool = false, options: StateOptions) throws -> Selection {
        let now = Date()
        var filter: Query?
        if let query {
            do { filter = try QueryParser.parse(query, now: now) } catch { throw UserError("--query: \(error)") }
        }
        let store = openStoreForReading(options)
        let index = openIndex(options)
        // No text search here: the text of changed files is only forgotten, for `folio search` or the reader to index.
        let library = Library.load(folder, index: index, search: SearchIndex(store: index), upkeep: .forget)
        let states: [ArticleIdentity: ArticleState]
        do { states = try store.states() } catch { throw UserError("cannot read state: \(error)") }
        let articles = library.articles
        var order: [Int] = []
        order.reserveCapacity(articles.count)
        var isRead = [Bool](repeating: false, count: articles.count)
        for i in articles.indices {
            // (No state at all is common: then there is nothing to look up.)
            let state = states.isEmpty ? ArticleState() : states[articles[i].identity] ?? ArticleState()
            if unreadOnly && state.isRead { continue }
            if state.isArchived && !(filter?.mentionsArchived ?? false) { continue }
            if let filter {
                let article = articles[i]
                // The file's tags are clean as indexed; the user's are added to them.
                let tags = state.tags.isEmpty ? article.tags : ArticleSummary.cleanTags(article.tags + state.tags)
                let facts = QueryFacts(summary: article, isRead: state.isRead, isStarred: state.isStarred, isArchived: state.isArchived, tags: tags)
                guard filter.matches(facts, now: now) else { continue }
            }
            isRead[i] = state.isRead
            order.append(i)
        }
        return Selection(library: library, order: newestFirst(articles, order), isRead: isRead, states: states)
    }

    /// `positions` in `articles` ordered as `isNewer` orders the articles: the
    /// dates are compared as numbers held apart, and no summary is moved.
    static func newestFirst(_ articles: [ArticleSummary], _ positions: [Int]) -> [Int] {
        // Date compares its time since the reference date: the same numbers, so the same order.
        // Each position is sorted beside its date; the titles and paths that break ties are
        // read in place through a buffer rather than from copies of the summaries.
        articles.withUnsafeBufferPointer { articles in
            var keyed = positions.map { (date: articles[$0].sortDate.timeIntervalSinceReferenceDate, position: $0) }
            keyed.sort { a, b in
                if a.date != b.date { return a.date > b.date }
                let (x, y) = (articles.baseAddress! + a.position, articles.baseAddress! + b.position)
                return x.pointee.title != y.pointee.title ? x.pointee.title < y.pointee.title : x.pointee.path < y.pointee.path
            }
            return keyed.map(\.position)
        }
    }

    /// Keeps a value alive until the process exits, on purpose: a command that
    /// is about to end need not free a large structure object by object.
    static func keepUntilExit<T>(_ value: T) {
        _ = Unmanaged.passRetained(KeptValue(value))
    }

    private final class KeptValue<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    static func reportProblems(_ library: Library) {
        for problem in library.problems {
            printError("\(PathCoding.display(problem.path)): \(problem.reason)")
        }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes bytes to stdout without copying them first.
    static func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes(write(buffer:))
    }

    /// Writes bytes to stdout without copying them first.
    static func write(buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
    }
}
