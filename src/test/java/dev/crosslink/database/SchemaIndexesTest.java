package dev.crosslink.database;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every index costs every write to its table, so none may repeat another: no two indexes of a
 * table have the same columns. H2 adds indexes of its own for foreign keys (V14 explains); it
 * also adds one where a longer index merely starts with the key's columns, which no declaration
 * avoids, so only exact repeats are checked. This reads H2's catalog.
 */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void noIndexRepeatsAnother() {
        assumeTrue(dbKind.equals("h2"), "reads H2's information_schema");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.table_name, i.index_name, c.column_name"
                + " from information_schema.indexes i join information_schema.index_columns c"
                + " on c.index_name = i.index_name and c.table_name = i.table_name and c.table_schema = i.table_schema"
                + " where i.table_schema = 'PUBLIC' and i.table_name <> 'flyway_schema_history'"
                + " order by i.table_name, i.index_name, c.ordinal_position").getResultList();
        Map<String, Map<String, List<String>>> tables = new TreeMap<>();
        for (Object[] row : rows) {
            tables.computeIfAbsent((String) row[0], t -> new TreeMap<>())
                    .computeIfAbsent((String) row[1], i -> new ArrayList<>()).add((String) row[2]);
        }
        assertThat(tables).containsKeys("POST", "POST_WORD", "POST_TAG");
        List<String> repeats = new ArrayList<>();
        tables.forEach((table, indexes) -> indexes.forEach((name, columns) -> indexes.forEach((other, theirs) -> {
            if (name.compareTo(other) < 0 && columns.equals(theirs)) {
                repeats.add(table + ": " + name + " and " + other + " both index " + columns);
            }
        })));
        assertThat(repeats).isEmpty();
    }
}
