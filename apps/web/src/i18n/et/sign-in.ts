export const signIn = {
  title: 'Sisselogimine',
  code: 'Kasutaja kood',
  password: 'Parool',
  submit: 'Logi sisse',
};
