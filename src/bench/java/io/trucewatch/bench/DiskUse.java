package io.trucewatch.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of a database's rows, to set beside the size of its files: for every table of the
 * schema, the bytes of every value as text (OCTET_LENGTH of the value cast to a string; a NULL
 * counts nothing). On PostgreSQL it also prints what PostgreSQL itself counts for the database.
 * <pre>
 *   java -cp target/test-classes:… io.trucewatch.bench.DiskUse JDBC_URL USER PASSWORD
 * </pre>
 * Prints {@code rows <bytes> incidents <n>} and, on PostgreSQL, {@code database <bytes>}.
 */
public final class DiskUse {

    private DiskUse() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            boolean postgres = args[0].startsWith("jdbc:postgresql:");
            String schema = postgres ? "public" : "PUBLIC";
            long rows = 0;
            for (String table : tables(db, schema)) {
                List<String> sums = new ArrayList<>();
                try (ResultSet columns = db.getMetaData().getColumns(null, schema, table, null)) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME");
                        sums.add("COALESCE(SUM(OCTET_LENGTH(CAST(\"" + column + "\" AS VARCHAR))), 0)");
                    }
                }
                try (Statement query = db.createStatement();
                        ResultSet total = query.executeQuery("SELECT " + String.join(" + ", sums) + " FROM \"" + table + "\"")) {
                    total.next();
                    rows += total.getLong(1);
                }
            }
            long incidents;
            try (Statement query = db.createStatement(); ResultSet count = query.executeQuery("SELECT COUNT(*) FROM incident")) {
                count.next();
                incidents = count.getLong(1);
            }
            System.out.println("rows " + rows + " incidents " + incidents);
            if (postgres) {
                try (Statement query = db.createStatement();
                        ResultSet size = query.executeQuery("SELECT pg_database_size(current_database())")) {
                    size.next();
                    System.out.println("database " + size.getLong(1));
                }
            }
        }
    }

    private static List<String> tables(Connection db, String schema) throws Exception {
        DatabaseMetaData meta = db.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet found = meta.getTables(null, schema, null, new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
