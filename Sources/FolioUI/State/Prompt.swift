import FolioCore
import TermKit

/// A line typed at the bottom of the screen: a filter, a search, a tag, a
/// command to pipe to, or a yes/no question.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case filter
        case librarySearch
        case findInArticle
        case addTag
        case removeTag
        case pipe
        case confirm(Confirmation)
    }

    public var kind: Kind
    public var text: String
    /// The filter before the prompt opened, to go back to when it is cancelled.
    var previousFilter: ListFilter?

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    var label: String {
        switch kind {
        case .filter: return "Limit to: "
        case .librarySearch: return "Search all articles: "
        case .findInArticle: return "Find: "
        case .addTag: return "Add tag: "
        case .removeTag: return "Remove tag: "
        case .pipe: return "Pipe article to command: "
        case .confirm(let confirmation): return confirmation.question + " (y/n) "
        }
    }
}

/// An action that asks first.
public enum Confirmation: Equatable, Sendable {
    case markAllRead([ArticleIdentity])

    var question: String {
        switch self {
        case .markAllRead(let ids): return "Mark all \(ids.count) articles read? u undoes it."
        }
    }
}

extension AppState {
    mutating func open(_ kind: Prompt.Kind, text: String = "") {
        prompt = Prompt(kind: kind, text: text)
        prompt?.previousFilter = filter
        message = nil
    }

    /// A key typed while a prompt is open.
    mutating func promptKey(_ key: Key) -> [Effect] {
        guard var prompt else { return [] }
        if case .confirm(let confirmation) = prompt.kind {
            self.prompt = nil
            if key == .char("y") || key == .char("Y") { return confirm(confirmation) }
            message = "Nothing changed."
            return []
        }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            self.prompt = nil
            return cancelled(prompt)
        case .enter:
            self.prompt = nil
            return submit(prompt)
        case .backspace:
            if prompt.text.isEmpty { self.prompt = nil; return cancelled(prompt) }
            prompt.text.removeLast()
        case .ctrl("u"):
            prompt.text = ""
        case .ctrl("w"):
            while prompt.text.last == " " { prompt.text.removeLast() }
            while let last = prompt.text.last, last != " " { prompt.text.removeLast() }
        case .tab:
            prompt.text = complete(prompt)
        case .char(let c):
            prompt.text.append(c)
        default:
            return []
        }
        self.prompt = prompt
        return typed(prompt)
    }

    /// Tags complete from the library's tags; filter fields from the query language.
    func complete(_ prompt: Prompt) -> String {
        let words = prompt.text.split(separator: " ", omittingEmptySubsequences: false)
        let last = String(words.last ?? "")
        let candidates: [String]
        switch prompt.kind {
        case .addTag, .removeTag:
            candidates = prompt.kind == .removeTag ? Array(Set(targets.flatMap(\.tags))).sorted() : allTags
            let matches = candidates.filter { $0.lowercased().hasPrefix(prompt.text.lowercased()) }
            return Self.commonPrefix(matches) ?? prompt.text
        case .filter:
            candidates = ["unread", "read", "starred", "archived", "marked", "source:", "tag:", "author:", "title:",
                          "after:", "before:", "newer:", "older:", "longer:", "shorter:", "not", "or"]
                + allTags.map { "tag:" + $0 }
        default:
            return prompt.text
        }
        let matches = candidates.filter { $0.hasPrefix(last.lowercased()) && !last.isEmpty }
        guard let completed = Self.commonPrefix(matches) else { return prompt.text }
        return (words.dropLast().map(String.init) + [completed]).joined(separator: " ")
    }

    static func commonPrefix(_ strings: [String]) -> String? {
        guard var prefix = strings.first else { return nil }
        for s in strings.dropFirst() {
            while !s.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }

    /// As the text changes: small libraries filter and search as you type.
    mutating func typed(_ prompt: Prompt) -> [Effect] {
        guard library.count <= 5000 else { return [] }
        switch prompt.kind {
        case .filter:
            if let query = try? QueryParser.parse(prompt.text, now: now) { setFilter(prompt.text, query) }
            return []
        case .librarySearch:
            return prompt.text.count >= 2 ? [.searchLibrary(prompt.text)] : []
        default:
            return []
        }
    }

    mutating func submit(_ prompt: Prompt) -> [Effect] {
        switch prompt.kind {
        case .filter:
            // A query that does not parse leaves the list as it was before typing
            // (not filtered by the part of it that parsed on the way).
            if (try? QueryParser.parse(prompt.text, now: now)) == nil, filter != prompt.previousFilter {
                filter = prompt.previousFilter
                refreshRows()
            }
            return applyFilter(prompt.text)
        case .librarySearch:
            guard !prompt.text.trimmingCharacters(in: .whitespaces).isEmpty else { clearFilter(); return [] }
            return [.searchLibrary(prompt.text)]
        case .findInArticle:
            return find(prompt.text)
        case .addTag:
            return tag(prompt.text, added: true)
        case .removeTag:
            return tag(prompt.text, added: false)
        case .pipe:
            guard let reader, case .loaded(let article) = reader.content, !prompt.text.isEmpty else { return [] }
            return [.pipe(command: prompt.text, text: ArticleLayout.lines(for: article, width: 80).map(\.plainText).joined(separator: "\n") + "\n")]
        case .confirm:
            return []
        }
    }

    mutating func cancelled(_ prompt: Prompt) -> [Effect] {
        // A filter or search typed live goes back to what it was.
        if prompt.kind == .filter || prompt.kind == .librarySearch, filter != prompt.previousFilter {
            filter = prompt.previousFilter
            refreshRows()
        }
        return []
    }

    mutating func confirm(_ confirmation: Confirmation) -> [Effect] {
        switch confirmation {
        case .markAllRead(let ids):
            let effects = change(.read(true, ids), label: "mark # read")
            message = "Marked \(ids.count) articles read (u undoes)."
            return effects
        }
    }
}
