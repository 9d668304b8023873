package subsidy.ledger;

import subsidy.text.Msg;
import java.lang.reflect.Proxy;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * The ledger's schema versions, applied by Flyway from {@code src/main/resources/subsidy/ledger/DIALECT/}:
 * a new ledger gets them all, an older one the ones it lacks, each in its own transaction. Flyway
 * says nothing on the way: standard output may be the report.
 */
final class Migrations {
    /** Held, so that the setting stays: java.util.logging keeps its loggers weakly. */
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    private Migrations() {
    }

    static void run(Ledger.Dialect dialect, String url, String shown, String historyTable) throws LedgerException {
        FLYWAY.setLevel(java.util.logging.Level.OFF);
        LogFactory.setLogCreator(type -> (Log) Proxy.newProxyInstance(Log.class.getClassLoader(),
                new Class<?>[] {Log.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null));
        try {
            var config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:subsidy/ledger/" + dialect.folder())
                    .table(historyTable)
                    .validateMigrationNaming(true);
            if (dialect == Ledger.Dialect.POSTGRESQL) {
                config = config.schemas("subsidy").createSchemas(true);
            }
            config.load().migrate();
        } catch (FlywayException e) {
            throw new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.migration_failed", shown,
                    Ledger.scrub(e.getMessage(), url).lines().findFirst().orElse("")), e);
        }
    }
}
