// One ECharts chart in a div, for the admin page and the district page. Only the chart types
// and components they use are registered (echarts/core + bar, pie), so no bundle carries all of ECharts.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, label, testId }: { option: ChartOption; label: string; testId?: string }) {
  const el = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current || !el.current) return;
    // The canvas draws with the page's own font stack (the shipped Chinese, Tibetan and
    // Uyghur faces); ECharts' default sans-serif has no CJK on a bare hall PC.
    const fontFamily = getComputedStyle(el.current).fontFamily;
    chart.current.setOption({ textStyle: { fontFamily }, ...option }, { notMerge: true });
  }, [option]);

  return <div className="chart" ref={el} role="img" aria-label={label} data-testid={testId} />;
}
