import TermKit

/// Changing a key map one binding at a time, for the configuration file's
/// `bind` and `unbind` lines. Each returns a new map; rows keep their place
/// (and their help text and hint), so the help screen keeps its order.
///
/// A row whose keys are all unbound stays, with no keys, when it is one of
/// the standard rows, so binding a key to it again brings back its help text
/// and hint; other rows that lose their last key are removed.
extension KeyMap {
    /// `key` does `command` in `context`: the key is removed from whatever it
    /// did in that context and added after the command's other keys there (a
    /// key already bound to that command keeps its place). A command with no
    /// row in that context gets one, with the help text of the command's
    /// standard row (in that context, else any), or one made from its name.
    ///
    /// Only `context` changes: a global key stays hidden in the list and the
    /// reader by a binding of the same key there (see `bindingEverywhere`).
    public func binding(_ key: Key, to command: Command, in context: KeyContext) -> KeyMap {
        if commandBound(key, in: context) == command { return self }
        var rows = rowsRemoving(key) { $0 == context }
        if let i = rows.firstIndex(where: { $0.command == command && $0.context == context }) {
            rows[i].keys.append(key)
        } else {
            let standard = KeyMap.standard.rows.first { $0.command == command && $0.context == context }
            let help = standard?.help ?? KeyMap.standard.rows.first { $0.command == command }?.help ?? Self.helpText(for: command)
            rows.append(Row(command, [key], context, help, hint: standard?.hint))
        }
        return KeyMap(rows: rows)
    }

    /// `key` does `command` in the list and the reader: a global binding, and
    /// the key's list and reader bindings removed so they do not hide it.
    public func bindingEverywhere(_ key: Key, to command: Command) -> KeyMap {
        unbinding(key, in: .list).unbinding(key, in: .reader).binding(key, to: command, in: .global)
    }

    /// `key` does nothing in `context` (for list and reader, a global binding
    /// of the key still applies there).
    public func unbinding(_ key: Key, in context: KeyContext) -> KeyMap {
        guard isBound(key, in: context) else { return self }
        return KeyMap(rows: rowsRemoving(key) { $0 == context })
    }

    /// Every key of `context` unbound.
    public func unbindingAll(in context: KeyContext) -> KeyMap {
        var rows = rows
        for i in rows.indices where rows[i].context == context { rows[i].keys = [] }
        return KeyMap(rows: rows.filter { !$0.keys.isEmpty || Self.isStandard($0) })
    }

    /// True when `key` has a binding of its own in `context` (not counting global ones).
    public func isBound(_ key: Key, in context: KeyContext) -> Bool {
        rows.contains { $0.context == context && $0.keys.contains(key) }
    }

    /// The keys of `command` in `context`, in order (without global ones).
    public func keys(for command: Command, in context: KeyContext) -> [Key] {
        rows.filter { $0.command == command && $0.context == context }.flatMap(\.keys)
    }

    /// The command `key` has in `context` itself (nil when only global).
    func commandBound(_ key: Key, in context: KeyContext) -> Command? {
        rows.first { $0.context == context && $0.keys.contains(key) }?.command
    }

    private func rowsRemoving(_ key: Key, in contexts: (KeyContext) -> Bool) -> [Row] {
        var rows = rows
        var emptied: [Int] = []
        for i in rows.indices where contexts(rows[i].context) && rows[i].keys.contains(key) {
            rows[i].keys.removeAll { $0 == key }
            if rows[i].keys.isEmpty && !Self.isStandard(rows[i]) { emptied.append(i) }
        }
        for i in emptied.reversed() { rows.remove(at: i) }
        return rows
    }

    private static func isStandard(_ row: Row) -> Bool {
        KeyMap.standard.rows.contains { $0.command == row.command && $0.context == row.context }
    }

    /// "next-unread" → "Next unread".
    static func helpText(for command: Command) -> String {
        let words = command.rawValue.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
