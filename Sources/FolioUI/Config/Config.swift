import Foundation
import FolioCore
import TermKit

/// folio's configuration: key bindings, settings, colours and saved views,
/// read from `$XDG_CONFIG_HOME/folio/config` (see `ConfigLocation`).
///
/// The file is plain text, one directive per line; `#` starts a comment (at
/// the start of a line, or after a space). Blank lines are ignored.
///
///     bind KEY ACTION [CONTEXT]
///         KEY does ACTION. KEY is a character (`j`, `G`, `?`) or a name in
///         angle brackets: <Enter> <Space> <Tab> <BackTab> <Esc> <Backspace>
///         <Up> <Down> <Left> <Right> <Home> <End> <PageUp> <PageDown>
///         <Delete> <Insert> <F1>…<F24>, <C-x> for Ctrl-x, <lt> for `<`.
///         ACTION is a command name as the help screen lists it (down,
///         next-unread, toggle-read…). CONTEXT is list, reader, links, help or global;
///         without one the key does ACTION in the list and the reader alike
///         (a global binding, and the key's list and reader bindings are
///         dropped). With `global`, only the global table changes, and a
///         list or reader binding of the same key still wins there.
///         The key stops doing what it did before in that context.
///     unbind KEY [CONTEXT]
///         KEY does nothing (without CONTEXT: in the list, reader and global
///         tables). `unbind <all> [CONTEXT]` clears every key (without
///         CONTEXT: in every context, help included).
///     set NAME VALUE
///         layout auto|stacked|side-by-side      list-columns title,source,date,time
///         date-format short|iso                 read-rule open|after:10s|key
///         wrap-width 20…1000                    sort date|title|source|time|unread
///         sort-reverse on|off                   mouse on|off
///     color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE…]
///         ELEMENT: title-bar status-bar status-key message separator
///         focused-separator unread read unread-marker selection
///         inactive-selection-marker metadata article-title subtitle url
///         heading body code quote-bar notice. Colours: default black red
///         green yellow blue magenta cyan white bright-black … bright-white,
///         or 0–15. Attributes: bold dim reverse underline italic. The line
///         sets the whole style (no attribute: none). With NO_COLOR set,
///         only the attributes are used. `colour` is the same directive.
///     view NAME = QUERY
///         A saved filter in the query language (`unread source:harbour`);
///         the first nine are on keys 1–9, in file order.
///
/// A line that cannot be used is skipped, with a `ConfigProblem` saying
/// where and why; everything else in the file still applies.
public struct Config: Equatable, Sendable {
    public var keyMap: KeyMap
    public var theme: Theme
    public var settings: Settings
    public var views: [SavedView]
    /// Lines that could not be used, in file order.
    public var problems: [ConfigProblem]

    public init(keyMap: KeyMap = .standard, theme: Theme = .standard, settings: Settings = .standard,
                views: [SavedView] = [], problems: [ConfigProblem] = []) {
        self.keyMap = keyMap
        self.theme = theme
        self.settings = settings
        self.views = views
        self.problems = problems
    }

    /// The defaults (what folio uses without a configuration file).
    public static let standard = Config()

    /// The configuration in `text`, applied to the defaults. `file` names it in
    /// problems; with `noColor` (NO_COLOR set) the theme has no colours, and
    /// `color` lines set attributes only.
    public static func parse(_ text: String, file: String = "config", noColor: Bool = false) -> Config {
        var parser = ConfigParser(file: file, noColor: noColor)
        parser.parse(text)
        var config = parser.config
        if noColor { config.theme = config.theme.withoutColors }
        return config
    }

    /// The configuration file at `path`; the defaults when there is none, and
    /// the defaults with a problem (line 0) when it cannot be read.
    public static func load(path: String, noColor: Bool = false) -> Config {
        switch ConfigLocation.read(path) {
        case .missing:
            return noColor ? Config(theme: Theme.standard.withoutColors) : .standard
        case .failed(let reason):
            var config = Config(theme: noColor ? Theme.standard.withoutColors : .standard)
            config.problems = [ConfigProblem(file: path, line: 0, kind: .unreadableFile, message: reason)]
            return config
        case .text(let text, let notes):
            var config = parse(text, file: path, noColor: noColor)
            config.problems.insert(contentsOf: notes.map { ConfigProblem(file: path, line: 0, kind: .unreadableFile, message: $0) }, at: 0)
            return config
        }
    }

    /// The configuration where `ConfigLocation.resolve` says, with NO_COLOR from `environment`.
    public static func load(option: String? = nil, environment: Environment = .process) -> Config {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return load(path: ConfigLocation.resolve(option: option, environment: environment), noColor: noColor)
    }

    /// The view for digit key `n` (1–9), if there is one.
    public func view(number n: Int) -> SavedView? {
        (1...9).contains(n) && n <= views.count ? views[n - 1] : nil
    }
}

/// A saved filter: a name and a query in folio's query language.
public struct SavedView: Equatable, Sendable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }
}

/// A line of the configuration file that could not be used.
public struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The file as a whole (line 0): cannot be read, too large, not UTF-8.
        case unreadableFile
        case unknownDirective
        case missingArgument
        case extraArgument
        case unknownKey
        case unknownAction
        case unknownContext
        /// `unbind` of a key that has no binding there.
        case notBound
        case unknownSetting
        case badValue
        case unknownElement
        case badColor
        case badAttribute
        /// `view` without a name or `=`, a duplicate name, or a query that does not parse.
        case badView
    }

    /// The file's path as given.
    public var file: String
    /// From 1; 0 for the file as a whole.
    public var line: Int
    public var kind: Kind
    /// What is wrong, e.g. "unknown action 'nxt-unread' (did you mean next-unread?)".
    public var message: String

    public init(file: String, line: Int, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
    }

    /// "config:12: unknown action 'nxt-unread' (did you mean next-unread?)", naming the file by its last component.
    public var description: String {
        let name = (file as NSString).lastPathComponent
        return line > 0 ? "\(name):\(line): \(message)" : "\(name): \(message)"
    }
}
