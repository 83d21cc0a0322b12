import FolioCore
import Foundation
import TermKit

/// `folio list [DIR] [--json] [--unread]`
struct ListArticles: FolioCommand {
    static let spec = CommandSpec(
        name: "list",
        abstract: "List the articles in a folder, newest first.",
        discussion: """
            Plain output is one line per article, tab-separated: read|unread, date, \
            minutes, title, source, path. Files that could not be read go to stderr.
            """,
        arguments: [.optional("dir", help: "Folder of saved articles (default: $FOLIO_DIR, else the current folder).")],
        options: [
            .flag("json", help: "Print a JSON array of {path, title, source, date, read, words}."),
            .flag("unread", help: "Only unread articles."),
            .value("query", help: "Only articles matching a query, as typed after l in the reader (e.g. 'unread source:cnn.com newer:7d')."),
            StateOptions.option,
        ]
    )

    var dir: String?
    var json: Bool
    var unread: Bool
    var query: String?
    var options: StateOptions

    init(_ arguments: ParsedArguments) {
        dir = arguments.argument("dir")
        json = arguments.flag("json")
        unread = arguments.flag("unread")
        query = arguments.value("query")
        options = StateOptions(arguments)
    }

    func run() throws {
        try CommandSupport.run {
            let folder = try CommandSupport.libraryFolder(dir)
            let selection = try CommandSupport.selecting(folder: folder, query: query, unreadOnly: unread, options: options)
            let articles = selection.library.articles
            if json {
                let rows = selection.order.map { (articles[$0], selection.isRead[$0]) }
                CommandSupport.write(JSONOutput.list(rows, states: selection.states) + "\n")
            } else {
                // Written in chunks: one buffer's pages are reused rather than a buffer for the whole list faulted in.
                let chunk = 1 << 16
                var out = PlainListOutput(capacity: chunk + 4096)
                // (Through a buffer: each summary is read in place, not copied.)
                articles.withUnsafeBufferPointer { articles in
                    guard let base = articles.baseAddress else { return }
                    for i in selection.order {
                        out.append(base + i, read: selection.isRead[i])
                        if out.count >= chunk {
                            out.withBytes(CommandSupport.write(buffer:))
                            out.removeAll()
                        }
                    }
                }
                out.withBytes(CommandSupport.write(buffer:))
            }
            CommandSupport.reportProblems(selection.library)
            // The list is printed and folio ends: freeing every summary first would only cost time.
            CommandSupport.keepUntilExit(selection)
        }
    }
}
