import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// The configuration file: every directive, every problem with its line,
/// bindings as key lookup sees them, colours, views, and `dump()` read back.
@Suite struct ConfigTests {
    /// Expectations about bindings are relative to the default map, which grows.
    let standard = KeyMap.standard

    func parse(_ lines: String..., noColor: Bool = false) -> Config {
        Config.parse(lines.joined(separator: "\n"), noColor: noColor)
    }

    /// Problems as "line kind".
    func problems(_ config: Config) -> [String] {
        config.problems.map { "\($0.line) \($0.kind)" }
    }

    // MARK: basics

    @Test func anEmptyFileOrCommentsGiveTheDefaults() {
        #expect(Config.parse("") == .standard)
        let config = parse("# a comment", "", "   # indented comment", "\t", "bind J next-unread  # trailing comment")
        #expect(config.problems == [])
        #expect(config.settings == .standard && config.theme == .standard && config.views == [])
        #expect(config.keyMap.command(for: .char("J"), in: .list) == .nextUnread)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreRead() {
        let config = Config.parse("\u{FEFF}set mouse on\r\nbind J next-unread\r\nset nope 1\r\n")
        #expect(config.settings.mouse)
        #expect(config.keyMap.command(for: .char("J"), in: .reader) == .nextUnread)
        #expect(problems(config) == ["3 unknownSetting"])
    }

    // MARK: bind and unbind

    @Test func bindWithoutAContextWorksInTheListAndTheReader() {
        let config = parse("bind J next-unread", "bind q quit")
        let map = config.keyMap
        #expect(map.command(for: .char("J"), in: .list) == .nextUnread)
        #expect(map.command(for: .char("J"), in: .reader) == .nextUnread)
        #expect(map.command(for: .char("J"), in: .help) == nil)
        // q was "back" in the reader; now it quits there too, and does in help what it did.
        #expect(standard.command(for: .char("q"), in: .reader) == .back)
        #expect(map.command(for: .char("q"), in: .reader) == .quit)
        #expect(map.command(for: .char("q"), in: .list) == .quit)
        #expect(map.command(for: .char("q"), in: .help) == standard.command(for: .char("q"), in: .help))
        #expect(map.keys(for: .back, in: .reader) == standard.keys(for: .back, in: .reader).filter { $0 != .char("q") })
        #expect(map.keys(for: .quit, in: .global).last == .char("q"))
        #expect(!map.isBound(.char("q"), in: .list) && !map.isBound(.char("q"), in: .reader))
    }

    @Test func bindInAContextReplacesTheKeysCommandThereOnly() {
        let map = parse("bind <F13> down reader", "bind j up list", "bind <F14> zoom global", "bind <F15> redraw help").keyMap
        #expect(map.command(for: .function(13), in: .reader) == .down)
        #expect(map.command(for: .function(13), in: .list) == nil)
        #expect(map.command(for: .char("j"), in: .list) == .up)
        #expect(map.keys(for: .up, in: .list) == standard.keys(for: .up, in: .list) + [.char("j")])
        #expect(map.keys(for: .down, in: .list) == standard.keys(for: .down, in: .list).filter { $0 != .char("j") })
        #expect(map.command(for: .char("j"), in: .reader) == standard.command(for: .char("j"), in: .reader))
        // A global key applies in the list and the reader, not in help.
        #expect(map.command(for: .function(14), in: .list) == .zoom)
        #expect(map.command(for: .function(14), in: .reader) == .zoom)
        #expect(map.command(for: .function(14), in: .help) == nil)
        #expect(map.command(for: .function(15), in: .help) == .redraw)
        // New rows take their help text from the command's standard row.
        #expect(map.rows.last { $0.command == .redraw }?.help == standard.rows.first { $0.command == .redraw }?.help)
        #expect(map.rows.last?.context == .help)
    }

    @Test func bindWithGlobalLeavesListAndReaderBindingsInPlace() {
        let map = parse("bind j toggle-read global").keyMap
        #expect(map.command(for: .char("j"), in: .list) == .down)
        #expect(map.command(for: .char("j"), in: .reader) == .down)
        #expect(map.keys(for: .toggleRead, in: .global) == standard.keys(for: .toggleRead, in: .global) + [.char("j")])
    }

    @Test func keyNamesAsTermKitWritesThem() {
        let map = parse("bind <Space> open list", "bind <c-D> zoom", "bind <enter> help list", "bind <F12> redraw",
                        "bind <lt> prev-unread", "bind # toggle-read list # comment after a # key", "bind é mark-all-read").keyMap
        #expect(map.command(for: .char(" "), in: .list) == .open)
        #expect(map.command(for: .ctrl("d"), in: .reader) == .zoom)
        #expect(map.command(for: .enter, in: .list) == .help)
        #expect(map.command(for: .function(12), in: .list) == .redraw)
        #expect(map.command(for: .char("<"), in: .list) == .previousUnread)
        #expect(map.command(for: .char("#"), in: .list) == .toggleRead)
        #expect(map.command(for: .char("é"), in: .reader) == .markAllRead)
    }

    @Test func everyCommandCanBeBound() {
        for command in Command.allCases {
            let config = parse("bind Z \(command.rawValue) list")
            #expect(config.problems == [], "\(command)")
            #expect(config.keyMap.command(for: .char("Z"), in: .list) == command)
        }
    }

    @Test func unbindRemovesKeys() {
        let config = parse("unbind j list", "unbind n", "unbind <Esc> reader", "unbind <all> help")
        #expect(config.problems == [])
        let map = config.keyMap
        #expect(map.command(for: .char("j"), in: .list) == nil)
        #expect(map.command(for: .down, in: .list) == .down)
        #expect(map.command(for: .char("j"), in: .reader) == .down)
        #expect(map.command(for: .char("n"), in: .list) == nil)
        #expect(map.command(for: .char("n"), in: .reader) == nil)
        #expect(!map.isBound(.escape, in: .reader))
        #expect(map.command(for: .escape, in: .reader) == standard.command(for: .escape, in: .global))
        for key in standard.rows.filter({ $0.context == .help }).flatMap(\.keys) {
            #expect(map.command(for: key, in: .help) == nil)
        }
        #expect(map.command(for: .char("?"), in: .list) == standard.command(for: .char("?"), in: .list))
    }

    @Test func unbindWithoutAContextClearsListReaderAndGlobal() {
        let map = parse("unbind q", "unbind <all>").keyMap
        for row in KeyMap.standard.rows {
            for key in row.keys { #expect(map.command(for: key, in: row.context) == nil) }
        }
        let q = parse("unbind q").keyMap
        #expect(q.command(for: .char("q"), in: .list) == nil)
        #expect(q.command(for: .char("q"), in: .reader) == nil)
        #expect(q.command(for: .char("q"), in: .help) == standard.command(for: .char("q"), in: .help))
    }

    @Test func anUnboundStandardRowKeepsItsPlaceAndHelp() {
        let map = parse("unbind n global", "bind <F13> next-unread global").keyMap
        let row = map.rows.first { $0.command == .nextUnread && $0.context == .global }
        #expect(row?.keys == standard.keys(for: .nextUnread, in: .global).filter { $0 != .char("n") } + [.function(13)])
        #expect(row?.hint == standard.rows.first { $0.command == .nextUnread && $0.context == .global }?.hint)
        #expect(map.rows.map(\.command) == standard.rows.map(\.command))
        // Emptied, a standard row stays, with no keys.
        let emptied = parse("unbind <all> help").keyMap
        #expect(emptied.rows.count == standard.rows.count)
        #expect(emptied.rows.filter { $0.context == .help }.allSatisfy { $0.keys.isEmpty })
        // A row made by bind goes when its last key does.
        let gone = parse("bind <F13> zoom list", "unbind <F13> list").keyMap
        #expect(gone.rows == standard.rows)
    }

    // MARK: set

    @Test func everySetting() {
        let config = parse("set layout side-by-side", "set list-columns title, date", "set date-format iso", "set read-rule after:10s",
                           "set wrap-width 72", "set sort unread", "set sort-reverse on", "set mouse yes")
        #expect(config.problems == [])
        var expected = Settings()
        expected.layout = .sideBySide
        expected.listColumns = [.title, .date]
        expected.dateFormat = .iso
        expected.readRule = .after(seconds: 10)
        expected.wrapWidth = 72
        expected.sort = .unread
        expected.sortReverse = true
        expected.mouse = true
        #expect(config.settings == expected)

        #expect(parse("set read-rule key").settings.readRule == .key)
        #expect(parse("set read-rule after:2m").settings.readRule == .after(seconds: 120))
        #expect(parse("set read-rule after:5").settings.readRule == .after(seconds: 5))
        #expect(parse("set read-rule after:5s", "set read-rule open").settings.readRule == .open)
        #expect(parse("set layout stacked").settings.layout == .stacked)
        #expect(parse("set sort time", "set sort-reverse off").settings == { var s = Settings(); s.sort = .time; return s }())
    }

    @Test func badSettingValuesKeepTheDefault() {
        let config = parse("set layout sideways", "set list-columns title,title", "set list-columns title,author", "set list-columns ,",
                           "set read-rule after:0s", "set read-rule after:xs", "set read-rule later", "set wrap-width 5",
                           "set wrap-width wide", "set sort-reverse maybe", "set mouse", "set")
        #expect(config.settings == .standard)
        #expect(problems(config) == (1...10).map { "\($0) badValue" } + ["11 missingArgument", "12 missingArgument"])
        #expect(config.problems[0].description == "config:1: bad value 'sideways' for layout (expected auto, stacked or side-by-side)")
        #expect(config.problems[10].description == "config:11: set mouse needs a value: on or off")
    }

    // MARK: color

    @Test func colorsSetTheThemesStyles() {
        let config = parse("color title-bar red default bold underline", "color selection bright-blue 0 reverse",
                           "colour unread-marker 13 default", "color inactive-selection-marker DEFAULT Yellow Italic Dim")
        #expect(config.problems == [])
        var theme = Theme.standard
        theme.titleBar = Style(foreground: .ansi(1), attributes: [.bold, .underline])
        theme.selection = Style(foreground: .ansi(12), background: .ansi(0), attributes: .reverse)
        theme.unreadMarker = Style(foreground: .ansi(13))
        theme.inactiveSelectionMarker = Style(background: .ansi(3), attributes: [.italic, .dim])
        #expect(config.theme == theme)
    }

    @Test func withNoColorColorLinesKeepOnlyAttributes() {
        let config = parse("color title-bar red blue bold", "color body green default", noColor: true)
        #expect(config.problems == [])
        #expect(config.theme.titleBar == Style(attributes: .bold))
        #expect(config.theme.body == .plain)
        #expect(config.theme.unreadMarker == Style(attributes: .bold))  // the default's colour dropped too
        #expect(config.theme == config.theme.withoutColors)
        // Bad colours are still reported.
        #expect(problems(parse("color body mauve default", noColor: true)) == ["1 badColor"])
    }

    @Test func everyThemeStyleHasAName() {
        let properties = Mirror(reflecting: Theme.standard).children.filter { $0.value is Style }.compactMap(\.label)
        #expect(Set(properties.map(ThemeNames.kebab)) == Set(ThemeNames.elements.map(\.name)))
        #expect(ThemeNames.elements.count == properties.count)
        // Each name sets its own property.
        for (index, element) in ThemeNames.elements.enumerated() {
            let config = parse("color \(element.name) \(index % 16) default")
            #expect(config.theme[keyPath: element.path] == Style(foreground: .ansi(UInt8(index % 16))), "\(element.name)")
        }
    }

    // MARK: views

    @Test func viewsInFileOrder() {
        let config = parse("view Unread = unread", "# a comment", "view Long reads = longer:10m # over ten minutes",
                           "view Harbour = source:\"Harbour #1 Daily\" unread", "view = x")
        #expect(config.views == [SavedView(name: "Unread", query: "unread"), SavedView(name: "Long reads", query: "longer:10m"),
                                 SavedView(name: "Harbour", query: "source:\"Harbour #1 Daily\" unread")])
        #expect(config.view(number: 1)?.name == "Unread")
        #expect(config.view(number: 3)?.name == "Harbour")
        #expect(config.view(number: 4) == nil && config.view(number: 0) == nil)
        #expect(problems(config) == ["5 badView"])
    }

    @Test func badViews() {
        let config = parse("view Unread", "view = unread", "view Empty =", "view Unread = unread", "view unread = starred",
                           "view Broken = (unread", "view Quote = \"harbour")
        #expect(config.views == [SavedView(name: "Unread", query: "unread")])
        #expect(problems(config) == ["1 badView", "2 badView", "3 badView", "5 badView", "6 badView", "7 badView"])
        #expect(config.problems[3].message == "view 'unread' is already defined on line 4")
        #expect(config.problems[0].message == "view needs a name and a query: view NAME = QUERY")
    }

    // MARK: problems

    @Test func everyKindOfProblemWithItsLine() {
        let text = """
            # folio config
            bnd J next-unread
            bind J
            bind J next-unread list extra
            bind gg top
            bind <Foo> top
            bind J nxt-unread
            bind J next-unread lst
            unbind <F20> list
            unbind
            unbind j list extra
            set layot auto
            set layout sideways
            color titlebar red default
            color title-bar redd default
            color title-bar red default blink
            color title-bar red
            view Broken
            fly away
            bind J next-unread
            """
        let config = Config.parse(text, file: "/home/me/.config/folio/config")
        #expect(problems(config) == [
            "2 unknownDirective", "3 missingArgument", "4 extraArgument", "5 unknownKey", "6 unknownKey", "7 unknownAction",
            "8 unknownContext", "9 notBound", "10 missingArgument", "11 extraArgument", "12 unknownSetting", "13 badValue",
            "14 unknownElement", "15 badColor", "16 badAttribute", "17 missingArgument", "18 badView", "19 unknownDirective",
        ])
        #expect(config.problems.map(\.description) == [
            "config:2: unknown directive 'bnd' (did you mean bind?)",
            "config:3: bind needs a key and an action: bind KEY ACTION [CONTEXT]",
            "config:4: unexpected 'extra' after bind KEY ACTION CONTEXT",
            "config:5: unknown key 'gg' (a key is one character, or a name like <Enter>, <Space>, <C-d>, <F1>)",
            "config:6: unknown key '<Foo>' (names: <Enter>, <Space>, <Esc>, <C-d>, <F1>…)",
            "config:7: unknown action 'nxt-unread' (did you mean next-unread?)",
            "config:8: unknown context 'lst' (did you mean list?)",
            "config:9: '<F20>' is not bound in list",
            "config:10: unbind needs a key: unbind KEY [CONTEXT]",
            "config:11: unexpected 'extra' after unbind KEY CONTEXT",
            "config:12: unknown setting 'layot' (did you mean layout?)",
            "config:13: bad value 'sideways' for layout (expected auto, stacked or side-by-side)",
            "config:14: unknown element 'titlebar' (did you mean title-bar?)",
            "config:15: unknown colour 'redd' (did you mean red?)",
            "config:16: unknown attribute 'blink' (attributes: bold, dim, reverse, underline and italic)",
            "config:17: color needs an element and two colours: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE…]",
            "config:18: view needs a name and a query: view NAME = QUERY",
            "config:19: unknown directive 'fly' (directives: bind, unbind, set, color, view)",
        ])
        #expect(config.problems.allSatisfy { $0.file == "/home/me/.config/folio/config" })
        // The good line at the end still applies; the bad ones changed nothing else.
        #expect(config.keyMap == KeyMap.standard.bindingEverywhere(.char("J"), to: .nextUnread))
        #expect(config.theme == .standard && config.settings == .standard && config.views == [])
    }

    @Test func suggestionsOnlyForCloseNames() {
        #expect(ConfigParser.suggestion("nxt-unread", Command.allCases.map(\.rawValue)) == " (did you mean next-unread?)")
        #expect(ConfigParser.suggestion("toggle-raed", Command.allCases.map(\.rawValue)) == " (did you mean toggle-read?)")
        #expect(ConfigParser.suggestion("xyzzy", Command.allCases.map(\.rawValue)) == "")
        #expect(ConfigParser.suggestion("<entr>", ["<Enter>", "<Esc>"], caseInsensitive: true) == " (did you mean <Enter>?)")
        #expect(ConfigParser.editDistance("ab", "ba") == 1)
    }

    // MARK: dump

    @Test func theDefaultsDumpAndReadBack() {
        let text = Config.standard.dump()
        #expect(text.contains("set layout auto"))
        #expect(text.contains("unbind <all>\n"))
        #expect(text.contains("bind j down list"))
        #expect(text.contains("bind <C-d> half-page-down reader"))
        #expect(text.contains("color unread-marker cyan default bold"))
        let again = Config.parse(text)
        #expect(again.problems == [])
        #expect(again == .standard)
    }

    @Test func aChangedConfigDumpsAndReadsBackTheSame() {
        let config = parse(
            "bind J next-unread", "bind <C-n> down reader", "bind j up list", "unbind q", "bind q quit-all help",
            "bind x zoom list", "bind y redraw reader", "unbind y reader", "bind # toggle-read list", "bind <lt> help",
            "unbind <all> help", "bind ? close-help help", "bind N toggle-read list",
            "set layout stacked", "set list-columns date,title", "set read-rule after:90s", "set wrap-width 80", "set sort title",
            "set sort-reverse on", "set mouse on", "set date-format iso",
            "color title-bar bright-white blue bold", "color selection default default underline italic", "color body 9 0",
            "view Unread = unread", "view Long reads = longer:10m", "view Harbour = source:\"Harbour #1\"")
        #expect(config.problems == [])
        let text = config.dump()
        let again = Config.parse(text)
        #expect(again.problems == [])
        #expect(again == config)
        #expect(again.keyMap.rows == config.keyMap.rows)
        #expect(again.dump() == text)
        // Lookup agrees key by key.
        for context in KeyContext.allCases {
            for key in config.keyMap.rows.flatMap(\.keys) {
                #expect(again.keyMap.command(for: key, in: context) == config.keyMap.command(for: key, in: context))
            }
        }
        // With NO_COLOR, too.
        let plain = Config.parse(text, noColor: true)
        #expect(Config.parse(plain.dump(), noColor: true) == plain)
    }

    // MARK: files

    @Test func locationFollowsTheEnvironment() {
        #expect(ConfigLocation.resolve(option: "/x/c", environment: ["FOLIO_CONFIG": "/y"]) == "/x/c")
        #expect(ConfigLocation.resolve(environment: ["FOLIO_CONFIG": "/y/config", "XDG_CONFIG_HOME": "/xdg"]) == "/y/config")
        #expect(ConfigLocation.resolve(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/me"]) == "/xdg/folio/config")
        #expect(ConfigLocation.resolve(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/me"]) == "/home/me/.config/folio/config")
        #expect(ConfigLocation.resolve(environment: ["HOME": "/home/me", "FOLIO_CONFIG": ""]) == "/home/me/.config/folio/config")
    }

    @Test func loadingFiles() throws {
        let folder = try TempFolder()
        // No file: the defaults, no problems.
        #expect(Config.load(path: folder.path + "/none/config") == .standard)
        // A file.
        let path = folder.path + "/config"
        try Data("set mouse on\nbind J nxt-unread\n".utf8).write(to: URL(fileURLWithPath: path))
        let config = Config.load(path: path)
        #expect(config.settings.mouse)
        #expect(config.problems.map(\.description) == ["config:2: unknown action 'nxt-unread' (did you mean next-unread?)"])
        #expect(config.problems.first?.file == path)
        // Found through the environment, with NO_COLOR.
        let env = Config.load(environment: ["FOLIO_CONFIG": path, "NO_COLOR": "1"])
        #expect(env.settings.mouse && env.theme == Theme.standard.withoutColors)
        let xdg = Config.load(environment: ["XDG_CONFIG_HOME": folder.path + "/xdg", "HOME": "/nonexistent"])
        #expect(xdg == .standard)
        // Not UTF-8: read anyway, with a note.
        let latin = folder.path + "/latin1"
        try Data([0x73, 0x65, 0x74, 0x20, 0x6D, 0x6F, 0x75, 0x73, 0x65, 0x20, 0x6F, 0x6E, 0x0A, 0x23, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin))
        let read = Config.load(path: latin)
        #expect(read.settings.mouse)
        #expect(read.problems.map { "\($0.line) \($0.kind)" } == ["0 unreadableFile"])
        // A folder, or a FIFO, is not read (and never blocks).
        #expect(Config.load(path: folder.path).problems.map(\.kind) == [.unreadableFile])
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let fromFifo = Config.load(path: fifo)
        #expect(fromFifo.problems.map(\.message) == ["cannot read: not a regular file"])
        #expect(fromFifo.problems.first?.description == "fifo: cannot read: not a regular file")
    }
}
