package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import org.junit.jupiter.api.Test;

/** The inspector's table gives every column the width its values need (no score cut to "-0.1..."). */
class TableInspectorTest {
    @Test
    void everyColumnIsAsWideAsItsWidestValueAndItsHeader() {
        DefaultTableModel model = new DefaultTableModel(UserAgent.SLATE_COLUMNS, 0);
        model.addRow(new Object[] {0, 123456, "cold-start", 42, 7, -0.1234, 0.98765, 0.5, true, false});
        model.addRow(new Object[] {1, 9, "match", 3, 1, 12.3456, -0.0001, 1.0, false, false});
        JTable t = new JTable(model);
        TableInspector.fitColumns(t);
        for (int c = 0; c < t.getColumnCount(); c++) {
            int width = t.getColumnModel().getColumn(c).getPreferredWidth();
            int header = t.getTableHeader().getDefaultRenderer().getTableCellRendererComponent(t,
                    t.getColumnModel().getColumn(c).getHeaderValue(), false, false, -1, c).getPreferredSize().width;
            assertTrue(width > header, UserAgent.SLATE_COLUMNS[c] + ": header " + header + " px, column " + width);
            for (int r = 0; r < t.getRowCount(); r++) {
                int need = t.prepareRenderer(t.getCellRenderer(r, c), r, c).getPreferredSize().width;
                assertTrue(width > need, UserAgent.SLATE_COLUMNS[c] + " row " + r + ": needs " + need + " px, column "
                        + width);
            }
        }
    }
}
