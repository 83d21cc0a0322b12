import TermKit

/// Key bindings as data: one row per command and context, with its keys and
/// help text. The same rows drive key handling, the help screen and the status
/// bar's hints, so they can never disagree.
public struct KeyMap: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var command: Command
        public var keys: [Key]
        public var context: KeyContext
        public var help: String
        /// Shown in the status bar's hints for its context.
        public var hint: String?

        public init(_ command: Command, _ keys: [Key], _ context: KeyContext, _ help: String, hint: String? = nil) {
            self.command = command
            self.keys = keys
            self.context = context
            self.help = help
            self.hint = hint
        }
    }

    public private(set) var rows: [Row]
    /// Per context (see `slot`), each key with its command, the first row's
    /// when rows share a key. Lists, searched in order: a few dozen keys a
    /// context. (Not Dictionaries: the first table keyed by a type of its own
    /// costs a search of every protocol conformance in the program, ~0.2 M
    /// instructions at start, for `Key` and again for the context.)
    private var lookup: [[(key: Key, command: Command)]] = Array(repeating: [], count: KeyContext.allCases.count)

    public init(rows: [Row]) {
        self.rows = rows
        for row in rows {
            let slot = Self.slot(row.context)
            for key in row.keys where !lookup[slot].contains(where: { $0.key == key }) {
                lookup[slot].append((key, row.command))
            }
        }
    }

    private static func slot(_ context: KeyContext) -> Int {
        switch context {
        case .list: return 0
        case .reader: return 1
        case .help: return 2
        case .links: return 3
        case .global: return 4
        }
    }

    public static func == (a: KeyMap, b: KeyMap) -> Bool { a.rows == b.rows }

    /// The command for `key` in `context`; list and reader fall back to global.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if let command = Self.find(key, in: lookup[Self.slot(context)]) { return command }
        return context == .help || context == .links ? nil : Self.find(key, in: lookup[Self.slot(.global)])
    }

    private static func find(_ key: Key, in bindings: [(key: Key, command: Command)]) -> Command? {
        bindings.first { $0.key == key }?.command
    }

    /// "j/k move  Enter open …" for the status bar.
    public func hints(for context: KeyContext) -> [(keys: String, text: String)] {
        rows.filter { ($0.context == context || (context == .list || context == .reader) && $0.context == .global) && $0.hint != nil }
            .map { row in (row.keys.prefix(2).map(\.label).joined(separator: "/"), row.hint!) }
    }
}
