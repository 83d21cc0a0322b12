import Foundation
import TermKit

/// Performs effects (the I/O the reducer asks for) and reports changes from
/// outside while idle.
public protocol EffectHandler: AnyObject {
    func perform(_ effect: Effect) -> [Action]
    /// Called when no key came for a while: changes made by others.
    func poll() -> [Action]
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

    /// Milliseconds to wait for a key before polling for outside changes.
    public var idleInterval = 1000

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
        draw()
        while !state.quitting {
            if let event = backend.nextEvent(timeout: idleInterval) {
                handle(event)
            } else {
                dispatch(.tick(Date()))
                for action in effects.poll() { dispatch(action) }
            }
            if !state.quitting { draw() }
        }
        return state
    }

    /// Handles one event (also used by tests to drive the program step by step).
    public func handle(_ event: Event) {
        switch event {
        case .key(let key):
            if let command = state.keyMap.command(for: key, in: state.keyContext) { dispatch(.command(command)) }
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
                if effect == .redraw { lastFrame = nil; continue }
                queue.append(contentsOf: effects.perform(effect))
            }
        }
    }

    public func draw() {
        let frame = Screen.render(state)
        backend.draw(frame, previous: lastFrame)
        lastFrame = frame
    }
}
