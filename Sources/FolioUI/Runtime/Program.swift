import Foundation
import TermKit

/// Performs effects (the I/O the reducer asks for) and reports changes from
/// outside while idle.
public protocol EffectHandler: AnyObject {
    func perform(_ effect: Effect) -> [Action]
    /// Called now and then: changes made by others, work finished in the background.
    func poll() -> [Action]
    /// True while background work is under way (poll often).
    var isBusy: Bool { get }
}

extension EffectHandler {
    public var isBusy: Bool { false }
}

/// The run loop: events become actions, actions go through `reduce`, effects
/// are performed, and the screen is redrawn with only the changed cells.
public final class Program {
    public private(set) var state: AppState
    /// The signal that ended the program, if one did.
    public private(set) var endingSignal: Int32?
    private let backend: Backend
    private let effects: EffectHandler
    private var lastFrame: Buffer?
    /// Article loads wait until no key is pending, and only the last one counts:
    /// holding `j` moves the list at once and loads the article where it stops.
    private var deferredLoad: Effect?

    /// Milliseconds to wait for a key before polling for outside changes.
    public var idleInterval = 250
    /// The same while the folder is being read.
    public var busyInterval = 50
    /// Timing figures for benchmarks (FOLIO_TRACE).
    public var trace: FrameTrace?
    /// Run once the first frame is on the terminal: work that need not delay it.
    public var afterFirstFrame: (() -> Void)?

    public init(state: AppState, backend: Backend, effects: EffectHandler) {
        self.state = state
        self.backend = backend
        self.effects = effects
    }

    /// Runs until the user quits, a signal asks to end, or the terminal goes away.
    @discardableResult
    public func run() -> AppState {
        if state.size != backend.size { dispatch(.resize(backend.size)) }
        dispatch(.start)
        settle()  // the selected article is part of the first frame, not a "Loading…" before it
        draw()
        afterFirstFrame?()
        afterFirstFrame = nil
        var lastPoll = FrameTrace.now()
        while !state.quitting {
            let busy = effects.isBusy
            let timeout = deferredLoad != nil ? 0 : (busy ? busyInterval : idleInterval)
            if let event = backend.nextEvent(timeout: timeout) {
                let received = FrameTrace.now()
                handle(event)
                if !state.quitting { draw() }
                if case .key = event { trace?.keyHandled(since: received) }
                // Keys held down must not starve the background work.
                if busy, FrameTrace.now() - lastPoll > UInt64(busyInterval) * 1_000_000 {
                    lastPoll = FrameTrace.now()
                    for action in effects.poll() { dispatch(action) }
                }
            } else if deferredLoad != nil {
                settle()
                draw()
            } else {
                lastPoll = FrameTrace.now()
                dispatch(.tick(Date()))
                for action in effects.poll() { dispatch(action) }
                if !state.quitting { draw() }
            }
        }
        trace?.flush()
        return state
    }

    /// Handles one event (also used by tests to drive the program step by step).
    public func handle(_ event: Event) {
        switch event {
        case .key(let key):
            if state.prompt != nil {
                dispatch(.promptKey(key))
            } else if let command = state.keyMap.command(for: key, in: state.keyContext) {
                dispatch(.command(command))
            }
        case .mouse(let mouse):
            dispatch(.mouse(mouse))
        case .resize(let size):
            dispatch(.resize(size))
        case .terminate(let signal):
            endingSignal = signal
            state.quitting = true
        case .inputClosed:
            state.quitting = true
        }
    }

    public func dispatch(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in reduce(&state, next) {
                switch effect {
                case .redraw: lastFrame = nil
                case .loadArticle: deferredLoad = effect
                case .pipe, .edit, .openURL, .copyToClipboard:
                    queue.append(contentsOf: TerminalEffects.perform(effect, backend: backend))
                    if case .copyToClipboard = effect {} else { lastFrame = nil }  // the screen was handed over
                default: queue.append(contentsOf: effects.perform(effect))
                }
            }
        }
        // Only a preview waits: an article the reader shows is loaded at once,
        // so keys meant for it (scrolling) find it there.
        if state.focus == .reader { settle() }
    }

    /// Performs the article load that waited for the keys to stop.
    public func settle() {
        guard let load = deferredLoad else { return }
        deferredLoad = nil
        for action in effects.perform(load) { dispatch(action) }
    }

    public func draw() {
        let frame = Screen.render(state)
        backend.draw(frame, previous: lastFrame)
        lastFrame = frame
        trace?.frameDrawn()
    }
}
