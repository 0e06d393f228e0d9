import SchemaSyncCore

/// Scenarios proving that verification asks the engine, not only the model.
enum ConformanceVerificationScenarios {
    typealias F = ConformanceFixtures

    static var all: [ConformanceScenario] { [engineDefinitionsCatchWhatTheModelMisses] }

    /// With an inspector blind to column defaults, a default left in the database is invisible
    /// to the model; apply must still fail verification (exit 4) and, on transactional engines,
    /// commit nothing of the same apply; plan must report the difference.
    static let engineDefinitionsCatchWhatTheModelMisses = ConformanceScenario(
        name: "verification by the engine's definitions catches what the model misses"
    ) { c in
        let table = Table(name: "blind_t", columns: [F.col("id", .integer, null: false), F.col("n", .integer, default: .number("5"))],
                          primaryKey: PrimaryKey(columns: ["id"]))
        try c.applyAndConverge(Schema(tables: [table]))
        try c.expect(try c.session.engineDefinitions() != nil,
                     "the connector provides no engine definitions (implement DatabaseSession.engineDefinitions())")

        var withoutDefault = table
        withoutDefault.columns[1].defaultValue = nil
        let blinded = BlindedSession(base: c.session, blind: BlindedSession.withoutDefaults)
        let engine = SyncEngine(session: blinded)

        let plan = try engine.plan(desired: Schema(tables: [withoutDefault]), allowDestructive: false)
        try c.expect(plan.plan.applicable.isEmpty, "the blinded model should see no change, saw \(plan.plan.applicable.map(\.change.summary))")
        try c.expect(plan.engineMismatches.contains { $0.objectPath == "blind_t.n" },
                     "plan did not report that blind_t.n differs by the engine's definitions: \(plan.engineMismatches)")
        try c.expect(plan.hasPendingChanges, "plan --exit-code would say in sync")

        let extra = Table(name: "blind_u", columns: [F.col("id", .integer, null: false)], primaryKey: PrimaryKey(columns: ["id"]))
        do {
            try engine.apply(desired: Schema(tables: [withoutDefault, extra]), allowDestructive: false)
            throw c.fail("apply with a blinded inspector reported success although blind_t.n still has a default")
        } catch let error as SchemaSyncError where error.code == .notConverged {
            try c.expect(error.message.contains("blind_t.n"), "the error does not name blind_t.n: \(error)")
        }
        let created = try c.session.inspect().table(named: "blind_u") != nil
        if c.dialect.capabilities.transactionalDDL {
            try c.expect(!created, "a failed verification committed table blind_u")
        }
    }
}
