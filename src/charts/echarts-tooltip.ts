/**
 * The tooltip and the axis pointer it installs. Imported on the first pointer or focus over a chart
 * (see `chart-modules.ts`): the first paint draws no tooltip.
 */
import { use } from 'echarts/core';
import { TooltipComponent } from 'echarts/components';
import { setAxisPointerStatistics } from './echarts.ts';

type Processor = { overallReset?: (ecModel: unknown, api: unknown) => void };

/*
 * Charts made before this module loaded lack the axis pointer's processor (see `echarts.ts`), so the
 * one the tooltip's install registers is also handed to the stand-in there. ECharts passes every
 * install the same registers object; its `registerProcessor` is wrapped while the tooltip installs.
 */
use((registers) => {
  const register = registers.registerProcessor;
  registers.registerProcessor = (priority, processor) => {
    register(priority, processor);
    const handler = (processor ?? priority) as Processor;
    if (typeof handler === 'object' && handler.overallReset) setAxisPointerStatistics(handler.overallReset);
  };
  try {
    use([TooltipComponent]);
  } finally {
    registers.registerProcessor = register;
  }
});
