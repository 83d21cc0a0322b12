import FolioCore
import FolioUI
import Foundation
import NCursesBackend
import TermKit

/// `folio [DIR]`: the two-pane reader.
struct Browse: FolioCommand {
    static let spec = CommandSpec(
        name: "browse",
        abstract: "Open the reader on a folder (the default command).",
        arguments: [.optional("dir", help: "Folder of saved articles (default: $FOLIO_DIR, else the current folder).")],
        options: [
            StateOptions.option,
            .value("config", name: "path", help: "Configuration file (default: $FOLIO_CONFIG, else $XDG_CONFIG_HOME/folio/config)."),
            .flag("dump-config", help: "Print the configuration in effect (settings, keys, colours, views) and exit."),
        ]
    )

    var dir: String?
    var options: StateOptions
    var config: String?
    var dumpConfig: Bool

    init(_ arguments: ParsedArguments) {
        dir = arguments.argument("dir")
        options = StateOptions(arguments)
        config = arguments.value("config")
        dumpConfig = arguments.flag("dump-config")
    }

    func run() throws {
        let started = FrameTrace.now()
        if dumpConfig {
            let settings = Config.load(option: config)
            for problem in settings.problems { CommandSupport.printError(problem.description) }
            print(settings.dump(), terminator: "")
            return
        }
        try CommandSupport.run {
            let folder = try CommandSupport.libraryFolder(dir)
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw UserError("the reader needs a terminal; for scripts use 'folio list' or 'folio show'")
            }
            // The state database opens on another thread, as early as it may
            // (the first frame waits for it), while the configuration and the
            // index are read and the terminal set up, and the article the first
            // frame shows is read meanwhile.
            let statePath = StateLocation.resolve(option: options.state)
            let opening = BackgroundValue { SavedState(path: statePath) }
            let settings = Config.load(option: config)
            // What the index knows shows at once, read without opening it for
            // writing; the folder is checked in the background after the first
            // frame, by the indexer, which opens the index on its own thread.
            let indexPath = StateLocation.index(besideState: statePath)
            let index = IndexOpening(path: indexPath)
            let indexKey = Library.indexKey(folder)
            // (No index yet: nothing to show until the indexer has read the folder.)
            let known = IndexSnapshot.files(path: indexPath, root: indexKey)
                ?? (FileManager.default.fileExists(atPath: indexPath) ? (try? index.store.files(under: indexKey)) ?? [] : [])
            let library = Library(files: known, root: folder)
            let articles = library.articles
            let newestFirst = CommandSupport.newestFirst(articles, Array(articles.indices))
            let preload = newestFirst.first.map { ArticlePreload(path: articles[$0].path, file: articles[$0].absolutePath) }

            let noColor = Environment.process["NO_COLOR"].map { !$0.isEmpty } ?? false
            let terminal = NCursesTerminal(useColor: !noColor)
            defer { terminal.close() }
            terminal.enableMouse(settings.settings.mouse)
            let indexer = BackgroundIndexer()

            let saved = opening.take()
            let (store, states) = (saved.store, saved.states)
            let rows = newestFirst.map { ArticleRow(summary: articles[$0], state: states.isEmpty ? ArticleState() : states[articles[$0].identity] ?? ArticleState()) }
            var state = AppState(
                folderName: Self.displayName(folder), rows: rows, size: terminal.size, now: Date(),
                problemCount: library.problems.count,
                message: store.readOnlyReason.map { "Read-only, changes are not saved: " + $0 }
                    ?? Self.configMessage(settings.problems) ?? Self.problemMessage(library.problems),
                keyMap: settings.keyMap, theme: settings.theme)
            state.settings = settings.settings
            state.views = settings.views
            state.stateIsReadOnly = store.isReadOnly
            state.problemPaths = Set(library.problems.map(\.path))
            state.wasIndexedBefore = !known.isEmpty
            state.indexing = IndexingProgress(done: 0, total: 0)
            // The order chosen last time (o, O), else the configured one.
            if let sort = saved.sort.flatMap(SortOrder.init(rawValue:)) { state.sort = sort }
            if let reversed = saved.reversed { state.sortReversed = reversed == "on" }
            state.refreshRows()
            state.selection = 0  // a new start begins at the top of the list, in its order
            // New, changed and removed files show up while folio runs.
            let watcher = FolderWatcher(root: folder)
            watcher.start()
            defer { watcher.stop() }
            let effects = LibraryEffects(store: store, articles: library.articles, indexer: indexer,
                                         searchIndex: index.search, indexRoot: indexKey,
                                         watcher: watcher, rescan: { indexer.start(root: folder, opening: index) },
                                         wake: terminal.waker, preload: preload, states: states)
            let program = Program(state: state, backend: terminal, effects: effects)
            program.trace = FrameTrace(start: started)
            program.afterFirstFrame = { indexer.start(root: folder, known: known, opening: index) }
            program.run()
            terminal.close()
            if let signal = program.endingSignal, signal != SIGINT {
                throw ExitCode(128 + signal)
            }
        }
    }

    /// The state database and what the first frame needs from it, read on
    /// another thread. (A struct of its own: a tuple holding the states'
    /// Dictionary made the main thread look up ArticleIdentity's Hashable
    /// conformance at run time, a search of every conformance, ~0.4 M instructions.)
    struct SavedState {
        let store: StateStore
        let states: [ArticleIdentity: ArticleState]
        let sort: String?, reversed: String?

        init(path: String) {
            store = StateStore.openForBrowsing(path: path)
            states = (try? store.states()) ?? [:]
            sort = store.setting("sort")
            reversed = store.setting("sort-reverse")
        }
    }

    /// "~/Articles" for folders in the home directory.
    static func displayName(_ folder: String) -> String {
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        let standard = (absolute as NSString).standardizingPath
        if folder != "." && !folder.hasPrefix("/") && !folder.hasPrefix("..") { return PathCoding.display(folder) }
        if let home = Environment.process["HOME"], !home.isEmpty, standard.hasPrefix(home + "/") {
            return "~" + standard.dropFirst(home.count)
        }
        return PathCoding.display(standard)
    }

    /// "config:12: unknown action 'nxt' (did you mean next?); 2 more: folio --dump-config".
    static func configMessage(_ problems: [ConfigProblem]) -> String? {
        guard let first = problems.first else { return nil }
        let more = problems.count > 1 ? "; \(problems.count - 1) more (folio --dump-config lists them)" : ""
        return "\(first)\(more); defaults used for \(problems.count > 1 ? "those lines" : "that line")"
    }

    static func problemMessage(_ problems: [Library.Problem]) -> String? {
        guard let first = problems.first else { return nil }
        let more = problems.count > 1 ? " and \(problems.count - 1) more (folio list shows them)" : ""
        return "Could not read \(PathCoding.display(first.path)): \(first.reason)\(more)"
    }
}
