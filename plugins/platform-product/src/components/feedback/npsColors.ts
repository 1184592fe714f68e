import { Theme } from '@material-ui/core/styles';

/** How an NPS reads: red below zero, amber below 30, green from 30. */
export function npsColor(theme: Theme, nps: number): string {
  if (nps < 0) return theme.palette.error.main;
  if (nps < 30) return theme.palette.warning.dark;
  return theme.palette.success.main;
}

/** The colours of promoters, passives and detractors. */
export function bucketColors(theme: Theme) {
  return {
    promoters: theme.palette.success.main,
    passives: theme.palette.grey[400],
    detractors: theme.palette.error.main,
  };
}
