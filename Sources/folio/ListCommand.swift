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
            let (library, rows, states) = try CommandSupport.matching(folder: folder, query: query, unreadOnly: unread, options: options)
            if json {
                CommandSupport.write(JSONOutput.list(rows, states: states) + "\n")
            } else {
                var out = ""
                out.reserveCapacity(rows.count * 160)
                for (article, read) in rows {
                    out += read ? "read\t" : "unread\t"
                    out += article.date.map(JSONOutput.day) ?? "-"
                    out += "\t\(article.readingMinutes)m\t"
                    // (The sanitizer turns tabs into spaces, so fields never run into each other.)
                    out += TerminalText.sanitize(article.title)
                    out += "\t"
                    out += TerminalText.sanitize(article.source ?? "-")
                    out += "\t"
                    out += TerminalText.sanitize(PathCoding.display(article.path))
                    out += "\n"
                }
                CommandSupport.write(out)
            }
            CommandSupport.reportProblems(library)
        }
    }
}
