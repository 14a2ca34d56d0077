// How an export menu finds the chart it exports: a chart host (ChartFrame) registers its draw
// code and data table with the nearest FigureContext; the card around it (ChartCard, or an
// ExportableFigure in the analysis panels) reads the registered source when asked to export.
// Any chart drawn through ChartFrame inside such a card is exportable, with no code of its own.
import { createContext, useCallback, useContext, useEffect, useRef } from 'react';
import type { FigureSource } from './render';

export type FigureRegister = (src: FigureSource | null) => void;

export const FigureContext = createContext<FigureRegister | null>(null);

/** For a card: a register to provide and a getter of the source registered last. */
export function useFigureSlot(): [FigureRegister, () => FigureSource | null] {
  const ref = useRef<FigureSource | null>(null);
  const register = useCallback<FigureRegister>((src) => {
    ref.current = src;
  }, []);
  const get = useCallback(() => ref.current, []);
  return [register, get];
}

/** For a chart host: registers `src` while mounted (and re-registers when it changes). */
export function useRegisterFigure(src: FigureSource | null): void {
  const register = useContext(FigureContext);
  useEffect(() => {
    if (!register || !src) return;
    register(src);
    return () => register(null);
  }, [register, src]);
}
